using Governance.Application.Tests.Risks;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Browsing;

// On SQLite: a fresh file per test.
public sealed class SqliteFleetOverviewTests : FleetOverviewTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

public sealed class SqliteServiceDirectoryTests : ServiceDirectoryTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

public sealed class SqliteServiceTrendTests : ServiceTrendTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

public sealed class SqliteFleetWaiversTests : FleetWaiversTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

// On the PostgreSQL server the storage tests' fixture starts: a fresh database per test.
[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlFleetOverviewTests(PostgresServer server) : FleetOverviewTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlServiceDirectoryTests(PostgresServer server) : ServiceDirectoryTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlServiceTrendTests(PostgresServer server) : ServiceTrendTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlFleetWaiversTests(PostgresServer server) : FleetWaiversTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}
