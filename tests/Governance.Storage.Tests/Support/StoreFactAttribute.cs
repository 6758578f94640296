using Xunit.Abstractions;
using Xunit.Sdk;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// A fact of the dialect-neutral contract. Written once in an abstract base class; in a class marked
/// <see cref="RequiresPostgreSqlAttribute"/> it reports Skipped (with the reason) when no PostgreSQL server binaries exist,
/// unless CI=true, where it runs and fails.
/// </summary>
[XunitTestCaseDiscoverer("Governance.Storage.Tests.Support.StoreFactDiscoverer", "Governance.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class whose tests need a PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresPostgreSqlAttribute : Attribute
{
}

/// <summary>Makes a normal test case, or a skipped one for a PostgreSQL class on a machine without PostgreSQL.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        var skipReason = needsPostgres ? PostgresBinaries.SkipReason : null;
        yield return skipReason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, skipReason);
    }
}
