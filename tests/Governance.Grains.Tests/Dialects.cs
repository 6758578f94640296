using Governance.Storage.Tests.Support;

namespace Governance.Grains.Tests;

public sealed class SqliteServiceGrainTests : ServiceGrainContractTests
{
    protected override string FailHistoryInsertsSql => "CREATE TRIGGER history_broken BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;";

    protected override string RepairHistoryInsertsSql => "DROP TRIGGER history_broken;";

    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

[RequiresPostgreSql]
[Collection(GrainPostgresCollection.Name)]
public sealed class PostgreSqlServiceGrainTests(PostgresServer server) : ServiceGrainContractTests
{
    protected override string FailHistoryInsertsSql => """
        CREATE FUNCTION history_broken() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk I/O error (simulated)'; END $$;
        CREATE TRIGGER history_broken BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION history_broken();
        """;

    protected override string RepairHistoryInsertsSql => "DROP TRIGGER history_broken ON history; DROP FUNCTION history_broken();";

    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

/// <summary>The grain tests' PostgreSQL server: xunit finds collection fixtures only in the test assembly itself.</summary>
[CollectionDefinition(Name)]
public sealed class GrainPostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "grains-postgresql";
}
