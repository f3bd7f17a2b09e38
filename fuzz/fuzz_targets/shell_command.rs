#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| newsgraph::fuzz::shell_command(data));
