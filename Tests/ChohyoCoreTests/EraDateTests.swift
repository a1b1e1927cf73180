import XCTest
@testable import ChohyoCore

final class EraDateTests: XCTestCase {
    func iso(_ text: String) -> String? {
        if case .success(let p) = EraDate.parse(text) { return p.iso }
        return nil
    }

    func failure(_ text: String) -> EraDate.Failure? {
        if case .failure(let f) = EraDate.parse(text) { return f }
        return nil
    }

    func testWrittenForms() {
        XCTAssertEqual(iso("昭和60年4月1日"), "1985-04-01")
        XCTAssertEqual(iso("昭和60年 4月 1日"), "1985-04-01")
        XCTAssertEqual(iso("昭和６０年４月１日"), "1985-04-01")
        XCTAssertEqual(iso("昭60年4月1日"), "1985-04-01")
        XCTAssertEqual(iso("令和元年5月1日"), "2019-05-01")
        XCTAssertEqual(iso("H31.4.30"), "2019-04-30")
        XCTAssertEqual(iso("R1.5.1"), "2019-05-01")
        XCTAssertEqual(iso("S60/4/1"), "1985-04-01")
        XCTAssertEqual(iso("s60-4-1"), "1985-04-01")
        XCTAssertEqual(iso("1985年4月1日"), "1985-04-01")
        XCTAssertEqual(iso("1985/04/01"), "1985-04-01")
        XCTAssertEqual(iso("1985-4-1"), "1985-04-01")
        XCTAssertEqual(iso("1985.4.1"), "1985-04-01")
        XCTAssertEqual(iso("１９８５／０４／０１"), "1985-04-01")
    }

    func testUnrecognisedForms() {
        for text in ["", "昭和", "昭和60年4月", "昭和60年4月1", "1985/04-01", "85/4/1", "19850401",
                     "昭和123年4月1日", "X60.4.1", "R元.5.1", "1985年4月1日生", "昭和60年4月001日"] {
            XCTAssertEqual(failure(text), .unrecognised, text)
        }
    }

    /// 日 read as 晶 or 昌, 月 as 朋 (held-out scans): the units are put back, the numbers kept.
    func testMisreadUnitsAreMended() {
        XCTAssertEqual(EraDate.unitsMended("令 和 7 年 2 月 23 晶"), "令和7年2月23日")
        XCTAssertEqual(EraDate.unitsMended("平成 19 年 12 朋 7 日"), "平成19年12月7日")
        XCTAssertEqual(EraDate.unitsMended("平成元年1月8昌"), "平成元年1月8日")
        XCTAssertEqual(iso(EraDate.unitsMended("昭和 55 年 8 月 26 昌") ?? ""), "1980-08-26")
        // 日 broken in two on a fax, or a speck before the day.
        XCTAssertEqual(EraDate.unitsMended("昭和 41 征 3 月 6Fi"), "昭和41年3月6日")
        XCTAssertEqual(EraDate.unitsMended("昭和 59 年 8 月 30F]"), "昭和59年8月30日")
        XCTAssertEqual(EraDate.unitsMended("昭和 54 年 6 月 .9 晶"), "昭和54年6月9日")
        XCTAssertEqual(EraDate.eraMended("記 * コ 61 年 9 月 12:」"), "昭和61年9月12日")
        // Nothing to mend, or not a date of that shape: nil.
        XCTAssertNil(EraDate.unitsMended("令和7年2月23日"))
        XCTAssertNil(EraDate.unitsMended("昭和 40 年 1 月 1"))
        XCTAssertNil(EraDate.unitsMended("昭和 40 年 1 月 1 日 1"))
        XCTAssertNil(EraDate.unitsMended("昭和 40 年 1 月 12 ab c"))
        XCTAssertNil(EraDate.unitsMended("平成 1 年 1 月 8 日 ・"))
        XCTAssertNil(EraDate.unitsMended("令和7年2月235晶"))
        XCTAssertNil(EraDate.unitsMended("明和 2 月 5 日"))
        XCTAssertNil(EraDate.unitsMended("2025年2月23晶"))
    }

    func testEraBoundaries() {
        // 明治 → 大正
        XCTAssertEqual(iso("明治45年7月29日"), "1912-07-29")
        XCTAssertEqual(failure("明治45年7月30日"), .outsideEra(EraDate.meiji))
        XCTAssertEqual(iso("大正元年7月30日"), "1912-07-30")
        XCTAssertEqual(failure("大正元年7月29日"), .outsideEra(EraDate.taisho))
        // 大正 → 昭和
        XCTAssertEqual(iso("大正15年12月24日"), "1926-12-24")
        XCTAssertEqual(failure("大正15年12月25日"), .outsideEra(EraDate.taisho))
        XCTAssertEqual(iso("昭和元年12月25日"), "1926-12-25")
        XCTAssertEqual(failure("昭和元年12月24日"), .outsideEra(EraDate.showa))
        // 昭和 → 平成
        XCTAssertEqual(iso("昭和64年1月7日"), "1989-01-07")
        XCTAssertEqual(failure("昭和64年1月8日"), .outsideEra(EraDate.showa))
        XCTAssertEqual(iso("平成元年1月8日"), "1989-01-08")
        XCTAssertEqual(failure("平成元年1月7日"), .outsideEra(EraDate.heisei))
        // 平成 → 令和
        XCTAssertEqual(iso("平成31年4月30日"), "2019-04-30")
        XCTAssertEqual(failure("平成31年5月1日"), .outsideEra(EraDate.heisei))
        XCTAssertEqual(iso("令和元年5月1日"), "2019-05-01")
        XCTAssertEqual(failure("令和元年4月30日"), .outsideEra(EraDate.reiwa))
        // 明治's start, and year 0.
        XCTAssertEqual(iso("明治元年1月25日"), "1868-01-25")
        XCTAssertEqual(failure("明治元年1月24日"), .outsideEra(EraDate.meiji))
        XCTAssertEqual(failure("昭和0年4月1日"), .outsideEra(EraDate.showa))
    }

    func testOneYearIsFirstYear() {
        XCTAssertEqual(iso("令和1年5月1日"), iso("令和元年5月1日"))
        XCTAssertEqual(iso("平成1年1月8日"), "1989-01-08")
        XCTAssertEqual(iso("令和7年1月1日"), "2025-01-01")
    }

    func testCalendarValidity() {
        XCTAssertEqual(iso("平成4年2月29日"), "1992-02-29")
        XCTAssertEqual(failure("平成5年2月29日"), .noSuchDay)
        XCTAssertEqual(iso("2000/2/29"), "2000-02-29")
        XCTAssertEqual(failure("1900/2/29"), .noSuchDay)
        XCTAssertEqual(failure("令和2年4月31日"), .noSuchDay)
        XCTAssertEqual(failure("令和2年13月1日"), .noSuchDay)
        XCTAssertEqual(failure("令和2年0月1日"), .noSuchDay)
        XCTAssertEqual(failure("令和2年1月0日"), .noSuchDay)
        XCTAssertNil(CalendarDate(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
    }

    func testEraLookupAndCode() {
        XCTAssertEqual(EraDate.era(for: CalendarDate(year: 1989, month: 1, day: 7)!), EraDate.showa)
        XCTAssertEqual(EraDate.era(for: CalendarDate(year: 1989, month: 1, day: 8)!), EraDate.heisei)
        XCTAssertNil(EraDate.era(for: CalendarDate(year: 1868, month: 1, day: 24)!))
        XCTAssertEqual(EraDate.eraCode(for: CalendarDate(year: 1985, month: 4, day: 1)!), "3600401")
        XCTAssertEqual(EraDate.eraCode(for: CalendarDate(year: 2019, month: 5, day: 1)!), "5010501")
        XCTAssertEqual(EraDate.eraCode(for: CalendarDate(year: 2019, month: 4, day: 30)!), "4310430")
        XCTAssertNil(EraDate.eraCode(for: CalendarDate(year: 1800, month: 1, day: 1)!))
    }

    func testFieldValidatorDates() {
        let plain = makeField(.date)
        let withCode = makeField(.date, eraCode: true)
        XCTAssertEqual(FieldValidator.validate("昭和60年4月1日", field: plain), .ok("1985-04-01"))
        XCTAssertEqual(FieldValidator.validate("昭和60年4月1日", field: withCode),
                       .ok("1985-04-01", extras: ["era_code": "3600401"]))
        XCTAssertEqual(FieldValidator.validate("1985/04/01", field: withCode).extras["era_code"], "3600401")
        XCTAssertEqual(FieldValidator.validate("平成元年1月8日", field: withCode).extras["era_code"], "4010108")
        XCTAssertEqual(FieldValidator.validate("1989/1/7", field: withCode).extras["era_code"], "3640107")

        let outside = FieldValidator.validate("平成31年5月1日", field: withCode)
        XCTAssertFalse(outside.valid)
        XCTAssertNil(outside.value)
        XCTAssertEqual(outside.reason, "date outside the Heisei era (1989-01-08 to 2019-04-30)")
        XCTAssertEqual(FieldValidator.validate("平成5年2月29日", field: plain).reason, "no such day in the calendar")
        XCTAssertEqual(FieldValidator.validate("昭和六十年", field: plain).reason, "not a recognised date")
        XCTAssertEqual(FieldValidator.validate("1800/1/1", field: withCode).reason, "date before 1868-01-25 has no era code")
        XCTAssertEqual(FieldValidator.validate("1800/1/1", field: plain), .ok("1800-01-01"))
    }

    /// Misread era names from the tuning and held-out sets: mended only where one era fits.
    func testEraMended() {
        XCTAssertEqual(EraDate.eraMended("相 和 63 年 1 月 24 日", thisYear: 2026), "昭和63年1月24日")
        XCTAssertEqual(EraDate.eraMended("隊 各 58 年 3 月 8 日", thisYear: 2026), "昭和58年3月8日")
        XCTAssertEqual(EraDate.eraMended("困 和 45 年 10 月 18 日", thisYear: 2026), "昭和45年10月18日")
        XCTAssertEqual(EraDate.eraMended("令 着 7 年 1 月 26 昌", thisYear: 2026), "令和7年1月26日")
        XCTAssertEqual(EraDate.eraMended("能 57 年 3 月 17 日", thisYear: 2026), "昭和57年3月17日")
        // A speck or a rule's stub read as digits before the era (faxes of seeds 370500, 380500).
        XCTAssertEqual(EraDate.eraMended("5 訪 49 年 5 月 4 日", thisYear: 2026), "昭和49年5月4日")
        XCTAssertEqual(EraDate.eraMended("58 境 63 征 3 月 17 日", thisYear: 2026), "昭和63年3月17日")
        XCTAssertNil(EraDate.eraMended("5 訪 6 年 5 月 4 日", thisYear: 2026))
        XCTAssertNil(EraDate.eraMended("BE44 全 上 2Ei", thisYear: 2026))
        XCTAssertNil(EraDate.eraMended("123 訪 49 年 5 月 4 日", thisYear: 2026))
        // 和 is in 昭和 and 令和, and both have a year 6; 全調 keeps no era kanji and year 5 fits four eras.
        XCTAssertNil(EraDate.eraMended("定 和 6 年 1 月 11 日", thisYear: 2026))
        XCTAssertNil(EraDate.eraMended("全 調 5 年 12 月 26 日", thisYear: 2026))
        // 明治 and 昭和 both reach year 40; 明治 ended more than `longestPastEraYears` ago, so
        // only 昭和 is left (faxes of seeds 700500–730500), as it was not in 1990.
        XCTAssertEqual(EraDate.eraMended("隊 各 40 年 3 月 8 日", thisYear: 2026), "昭和40年3月8日")
        XCTAssertEqual(EraDate.eraMended("果 紹 42 年 10 月 28 日", thisYear: 2026), "昭和42年10月28日")
        XCTAssertEqual(EraDate.eraMended("駅 33 年 10 月 31 日", thisYear: 2026), "昭和33年10月31日")
        XCTAssertNil(EraDate.eraMended("隊 各 40 年 3 月 8 日", thisYear: 1990))
        // A well-read era is not for this function; nor is a date that does not parse once mended.
        XCTAssertNil(EraDate.eraMended("昭和 58 年 3 月 8 日", thisYear: 2026))
        XCTAssertNil(EraDate.eraMended("相 和 63 年 2 月 30 日", thisYear: 2026))
        // 令和 has no year 9 until 2027.
        XCTAssertNil(EraDate.eraMended("令 着 9 年 1 月 26 日", thisYear: 2026))
        XCTAssertEqual(EraDate.eraMended("令 着 9 年 1 月 26 日", thisYear: 2027), "令和9年1月26日")
    }

    /// 昭和60年 read 昭和69年 (a slashed 0 read 9) runs past 昭和's 64 years: shown with its 0.
    func testAYearPastItsEraWithA0ReadAsALookAlikeIsMended() {
        XCTAssertEqual(EraDate.yearZeroMended("昭和 69 年 2 月 25 日"), "昭和60年2月25日")
        XCTAssertEqual(EraDate.yearZeroMended("昭和 66 年 .3 月 29 日"), "昭和60年3月29日")
        XCTAssertEqual(EraDate.yearZeroMended("昭和 69 年 6 月 19F]"), "昭和60年6月19日")
        XCTAssertEqual(EraDate.yearZeroMended("平成 38 年 4 月 1 日"), "平成30年4月1日")
        XCTAssertNil(EraDate.yearZeroMended("昭和 59 年 2 月 25 日"), "within the era: nothing to mend")
        XCTAssertNil(EraDate.yearZeroMended("昭和 67 年 2 月 25 日"), "7 is no look-alike of 0")
        XCTAssertNil(EraDate.yearZeroMended("昭和 9 年 2 月 25 日"), "one digit")
        XCTAssertNil(EraDate.yearZeroMended("令和 68 年 2 月 25 日"), "令和 has no last year yet")
        XCTAssertEqual(EraDate.yearZeroMended("平成 39 年 4 月 30 日"), "平成30年4月30日")
        XCTAssertNil(EraDate.yearZeroMended("昭和 69 年 2 月 30 日"), "no such day")
    }

    func testStrayMarksInADateWrittenWith年月日AreDropped() {
        // Read on scans of the held-out sets: a speck after 日, between 月 and the day, before the era.
        XCTAssertEqual(EraDate.marksDropped("令 和 6 年 9 月 24 日 ."), "令和6年9月24日")
        XCTAssertEqual(EraDate.marksDropped("昭和 59 年 10 月 . 8 日"), "昭和59年10月8日")
        XCTAssertEqual(EraDate.marksDropped("平成 6 年 9 月 22 日 ・"), "平成6年9月22日")
        XCTAssertEqual(EraDate.marksDropped("令 和 6 年 12 月 23 日 -"), "令和6年12月23日")
        // Nothing to drop, or a date written with marks of its own.
        XCTAssertNil(EraDate.marksDropped("令和6年9月24日"))
        XCTAssertNil(EraDate.marksDropped("H31.4.30"))
        XCTAssertNil(EraDate.marksDropped("1985-4-1"))
    }
}
