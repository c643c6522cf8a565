namespace GymCoach.Embedded.Queueing;

/// <summary>The result of a visibility change, named after the SQS errors.</summary>
internal enum VisibilityChange
{
    Changed,
    ReceiptHandleIsInvalid,
    MessageNotInflight,
}
