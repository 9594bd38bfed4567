//! Wall-clock time for "changed at" stamps.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// Minutes to add to UTC for local time (the browser's offset now).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A short random name for this page, used in storage markers so two tabs
/// never write the same marker.
pub fn tab_name() -> String {
    format!("{:x}", (js_sys::Math::random() * 4_294_967_296.0) as u64)
}
