namespace Governance.Integrations.Generation;

/// <summary>Words the generated fleet is named with, so that it reads like a real organisation's catalog.</summary>
internal static class GeneratorVocabulary
{
    /// <summary>The services everything leans on (seed 002: a feature-enablement service on the critical path of many products).</summary>
    public static readonly string[] Hubs =
    [
        "feature-enablement", "identity", "config-store", "accounts", "service-discovery", "rate-limiter", "auth-gateway",
        "billing-ledger", "message-router", "tenant-directory", "edge-proxy", "event-bus",
    ];

    public static readonly string[] Domains =
    [
        "payments", "search", "messaging", "voice", "video", "identity", "billing", "catalog", "orders", "shipping", "inventory",
        "analytics", "notifications", "profiles", "reporting", "fraud", "pricing", "ads", "recommendations", "media", "support", "compliance",
    ];

    public static readonly string[] Nouns =
    [
        "api", "worker", "gateway", "indexer", "scheduler", "processor", "store", "cache", "router", "sync", "ingest", "export",
        "auth", "ledger", "feed", "proxy", "resolver", "notifier", "aggregator", "validator",
    ];

    public static readonly string[] SystemSuffixes = ["platform", "portal", "core", "pipeline", "services", "backbone"];

    public static readonly string[] Products = ["messaging", "voice", "video", "email", "verify", "flex", "segment", "studio"];

    public static readonly string[] Types = ["service", "website", "database", "queue"];

    public static readonly string[] Lifecycles = ["production", "experimental", "deprecated"];

    public static readonly string[] Tags = ["java", "go", "python", "node", "kotlin", "rust", "grpc", "rest", "batch", "stateful"];

    public static readonly string[] ItemTitles =
    [
        "More aggressive auto-scaling", "Add client-side caching for callers", "Graceful degradation when the dependency fails",
        "Automate the manual deploy steps", "Exercise regional failover", "Per-customer SLA alerting", "Cut the request timeout",
        "Add a circuit breaker", "Run a GameDay", "Move the data store to a zone-replicated database",
    ];

    public static readonly int[] TimeoutsMs = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 30000];

    public static string Title(string id) =>
        string.Join(' ', id.Split('-').Select(word => word.Length > 0 && char.IsLetter(word[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word));
}
