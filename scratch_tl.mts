import * as chrono from 'chrono-node';
const ref = new Date(Date.UTC(2018,0,9,12));
for (const t of ['January 5, 2018','11 September 2001','September 2001','5 January','2011','in 2014','the 1980s','Tuesday','on Monday','two years ago','2 years ago','last year','this month','earlier this week','today','yesterday','Jan. 5','New Year\'s Day','3 weeks ago','last week','December 25','the early 1950s', 'Between 1959 and 1970', 'mid-2017', 'March 2017']) {
  const r = chrono.parse(t, {instant: ref, timezone: 0}, {forwardDate:false});
  console.log(t, '=>', r.map(x => `${x.text} y=${x.start.get('year')}${x.start.isCertain('year')?'!':''} m=${x.start.get('month')}${x.start.isCertain('month')?'!':''} d=${x.start.get('day')}${x.start.isCertain('day')?'!':''} wd=${x.start.get('weekday')}${x.start.isCertain('weekday')?'!':''} ${x.end? 'end y='+x.end.get('year'):''}`).join(' ; '));
}
