//! End-to-end behaviour of the extractor on sentences written for these tests.
