//! Small helpers every layer may use: hashing, escaping, and "did you mean" suggestions. They
//! know nothing of the project.

pub mod escape;
pub mod hash;
pub mod words;
