namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>One demo run, one report and one Chromium run shared by every class that reads them: CI pays for the browser once.</summary>
[CollectionDefinition(Name)]
public sealed class DemoReportCollection : ICollectionFixture<DemoReport>
{
    public const string Name = "demo report";
}
