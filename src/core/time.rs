//! Dates for people, from milliseconds since the Unix epoch.

/// "2026-11-27" for a time in milliseconds since the Unix epoch, in the
/// person's time zone: `offset_minutes` is added to UTC (the browser's
/// offset when the page opened; an hour of summer time near midnight can
/// still move an old date by a day, which nobody has complained of).
pub fn local_date(ms: u64, offset_minutes: i32) -> String {
    let shifted = ms as i128 + i128::from(offset_minutes) * 60_000;
    let days = shifted.div_euclid(86_400_000) as i64;
    // Civil-from-days (Howard Hinnant's algorithm), valid for any input here.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The date in UTC.
pub fn date(ms: u64) -> String {
    local_date(ms, 0)
}

/// "14:05": the time of day in the person's time zone (see `local_date`),
/// to tell apart two moments of one day.
pub fn local_time(ms: u64, offset_minutes: i32) -> String {
    let shifted = ms as i128 + i128::from(offset_minutes) * 60_000;
    let minutes = shifted.rem_euclid(86_400_000) / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
