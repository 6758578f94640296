using Governance.Application.Tests.Risks;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Exports;

// On SQLite: a fresh file per test.
public sealed class SqliteFleetWorkbookTests : FleetWorkbookTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

// On the PostgreSQL server the storage tests' fixture starts: a fresh database per test.
[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlFleetWorkbookTests(PostgresServer server) : FleetWorkbookTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}
