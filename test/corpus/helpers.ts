/** Made-up prose, long enough to read as the body of an article. */
export const prose = (subject: string): string =>
  `${subject} said on the record that the council would review the plan again in the spring, and that the residents would be asked for their views before any decision was made.`;
