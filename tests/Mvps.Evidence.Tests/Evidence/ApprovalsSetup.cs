using ApprovalTests.Reporters;
using ApprovalTests.Reporters.TestFrameworks;

// Report a mismatch as an xunit failure and leave the *.received.txt file; never launch a diff tool.
[assembly: UseReporter(typeof(XUnit2Reporter))]
