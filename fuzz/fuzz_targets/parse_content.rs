//! Any content file gives a ladder or a message, never a panic.
#![no_main]

use l5_selfcheck::core::content::Ladder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Ladder::parse(&String::from_utf8_lossy(data));
});
