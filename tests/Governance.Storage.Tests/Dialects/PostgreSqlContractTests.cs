using Governance.Storage.Tests.Contract;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Dialects;

// The contract, run on a real PostgreSQL server that the collection fixture starts: a fresh database for every test.
[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgresServer server) : StoreContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlBatchTests(PostgresServer server) : BatchContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgresServer server) : ConcurrencyContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlTamperTests(PostgresServer server) : TamperContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStateTamperTests(PostgresServer server) : StateTamperContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlSchemaTests(PostgresServer server) : SchemaContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlAuditTests(PostgresServer server) : AuditContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlGraphFactsTests(PostgresServer server) : GraphFactsContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlDependencyTargetTests(PostgresServer server) : DependencyTargetContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlIdempotencyTests(PostgresServer server) : IdempotencyContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlCallerTests(PostgresServer server) : CallerContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlBrowsingTests(PostgresServer server) : BrowsingContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRunSummaryTests(PostgresServer server) : RunSummaryContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlBackfillTests(PostgresServer server) : BackfillContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlWaiverTests(PostgresServer server) : WaiverContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}
