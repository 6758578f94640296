using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Risks;

// On SQLite: a fresh file per test.
public sealed class SqliteServiceRiskEvaluatorTests : ServiceRiskEvaluatorTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

// On the PostgreSQL server the storage tests' fixture starts: a fresh database per test.
[RequiresPostgreSql]
[Collection(ApplicationPostgresCollection.Name)]
public sealed class PostgreSqlServiceRiskEvaluatorTests(PostgresServer server) : ServiceRiskEvaluatorTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

/// <summary>The PostgreSQL tests of this assembly share one server (collections are defined per test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class ApplicationPostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql-application";
}
