//! Writing results out: the plain-text comparison report, JSON, and atomic file writes.
