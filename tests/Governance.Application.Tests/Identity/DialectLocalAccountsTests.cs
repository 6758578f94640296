using Governance.Application.Tests.Risks;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Identity;

public sealed class SqliteLocalAccountsTests : LocalAccountsTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlLocalAccountsTests(PostgresServer server) : LocalAccountsTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

public sealed class SqliteAccountAdministrationTests : AccountAdministrationTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlAccountAdministrationTests(PostgresServer server) : AccountAdministrationTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}
