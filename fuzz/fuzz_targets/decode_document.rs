//! Any bytes given to the document decoder (stored text, imported files)
//! must give a document or an error, never a panic; a decoded document
//! must encode and decode to itself.
#![no_main]

use l5_selfcheck::core::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(document) = Document::decode(&text) {
        assert_eq!(Document::decode(&document.encode()), Ok(document));
    }
});
