/**
 * China's 2026 public holidays and make-up working days, from 国务院办公厅关于2026年部分节假日安排的通知
 * (General Office of the State Council, 4 November 2025; https://www.gov.cn/zhengce/content/202511/content_7047090.htm,
 * also published by Xinhua: https://politics.gmw.cn/2025-11/04/content_38391083.htm). Holidays list every day of
 * each 放假 range, including the weekend days inside it; `workdays` are the 上班 days. Other years are configured
 * by the district admin from that year's notice; never guess them.
 */
import { DEFAULT_CALENDAR, type IsoDate, type WorkingCalendar } from './calendar.ts';

const range = (month: string, from: number, to: number): IsoDate[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);

export const CN_2026_HOLIDAYS: { readonly holidays: readonly IsoDate[]; readonly workdays: readonly IsoDate[] } =
  Object.freeze({
    holidays: Object.freeze([
      ...range('01', 1, 3), // 元旦: 1月1日(周四)至3日(周六)
      ...range('02', 15, 23), // 春节: 2月15日(周日)至23日(周一)
      ...range('04', 4, 6), // 清明节: 4月4日(周六)至6日(周一)
      ...range('05', 1, 5), // 劳动节: 5月1日(周五)至5日(周二)
      ...range('06', 19, 21), // 端午节: 6月19日(周五)至21日(周日)
      ...range('09', 25, 27), // 中秋节: 9月25日(周五)至27日(周日)
      ...range('10', 1, 7), // 国庆节: 10月1日(周四)至7日(周三)
    ]),
    workdays: Object.freeze([
      '2026-01-04', // 元旦: 1月4日(周日)上班
      '2026-02-14', // 春节: 2月14日(周六)上班
      '2026-02-28', // 春节: 2月28日(周六)上班
      '2026-05-09', // 劳动节: 5月9日(周六)上班
      '2026-09-20', // 国庆节: 9月20日(周日)上班
      '2026-10-10', // 国庆节: 10月10日(周六)上班
    ]),
  });

/** The default office hours with the 2026 national holidays and make-up working days. */
export const CN_2026_CALENDAR: WorkingCalendar = Object.freeze({
  ...DEFAULT_CALENDAR,
  holidays: CN_2026_HOLIDAYS.holidays,
  workdays: CN_2026_HOLIDAYS.workdays,
});
