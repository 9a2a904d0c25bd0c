// The package's own types declare `export default` in a CommonJS typing, so under NodeNext the default
// import would type as the module object; both of its builds export the class itself (CJS
// `module.exports = KoreanLunarCalendar`, ESM `export default`). This declaration states what runs.
declare module 'korean-lunar-calendar' {
  /** Korean lunar ↔ solar dates from KASI data, 1000–2050. */
  export default class KoreanLunarCalendar {
    setLunarDate(lunarYear: number, lunarMonth: number, lunarDay: number, isIntercalation: boolean): boolean;
    setSolarDate(solarYear: number, solarMonth: number, solarDay: number): boolean;
    getSolarCalendar(): { year: number; month: number; day: number; intercalation?: boolean };
    getLunarCalendar(): { year: number; month: number; day: number; intercalation?: boolean };
  }
}
