using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;

namespace Governance.Integrations.FleetFormat;

/// <summary>Writes one service as an item of a fleet document's <c>services</c>; defaults and unknown facts are left out.</summary>
internal static class FleetServiceWriter
{
    public static void Write(YamlBlockWriter block, ServiceState service)
    {
        WriteProfile(block, service.Profile);
        if (service.Footprint is { } footprint)
        {
            block.Raw("footprint", new FlowMapping().Add("hosts", footprint.Hosts).Add("zones", footprint.Zones)
                .Add("regions", footprint.Regions).Add("providers", footprint.Providers).ToString());
        }

        WriteStores(block, service.DataStores);
        FleetFactsWriter.Write(block, service.Facts);
        WriteDependencies(block, service.Dependencies);
        WriteItems(block, service.RemediationItems);
    }

    private static void WriteProfile(YamlBlockWriter block, ServiceProfile profile)
    {
        block.Field("id", profile.Id);
        block.Field("name", profile.Name);
        block.Field("description", profile.Description);
        block.Field("owner", profile.Owner);
        block.Field("tier", profile.Tier);
        block.Field("lifecycle", profile.Lifecycle);
        block.Field("type", profile.Type);
        block.Field("system", profile.System);
        block.FlowList("products", profile.Products);
        block.FlowList("tags", profile.Tags);
        block.Field("repository", profile.Repository);
        block.Field("runbook", profile.Runbook);
        block.Field("onCall", profile.OnCall);
        block.FlowList("providesApis", profile.ProvidesApis);
        block.FlowList("dependencyOf", profile.DependencyOf);
        if (profile.Annotations.Count > 0)
        {
            block.Key("annotations");
            var annotations = new YamlBlockWriter(block.Writer);
            annotations.StartMapping(block.Indent + "  ");
            foreach (var (key, value) in profile.Annotations)
            {
                annotations.Field(key, value);
            }
        }
    }

    private static void WriteStores(YamlBlockWriter block, IReadOnlyList<DataStore> stores)
    {
        if (stores.Count == 0)
        {
            return;
        }

        block.Key("dataStores");
        foreach (var store in stores)
        {
            var text = new FlowMapping().Add("name", store.Name).Add("engine", store.Engine).Add("primitive", KebabNames<AvailabilityPrimitive>.Of(store.Primitive))
                .Add("unitOfFailureOverride", store.UnitOfFailureOverride is { } unit ? KebabNames<UnitOfFailure>.Of(unit) : null);
            ListItem(block, text.ToString());
        }
    }

    private static void WriteDependencies(YamlBlockWriter block, IReadOnlyList<Dependency> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return;
        }

        block.Key("dependencies");
        foreach (var edge in dependencies)
        {
            var attributes = new FlowMapping().Add("target", edge.Target)
                .AddUnlessDefault("criticalPath", edge.CriticalPath, true)
                .AddUnlessDefault("synchronous", edge.Synchronous, true)
                .Add("timeoutMs", edge.TimeoutMs)
                .AddUnlessDefault("clientCache", edge.ClientCache, false)
                .AddUnlessDefault("gracefulDegradation", edge.GracefulDegradation, false)
                .Add("retries", edge.Retries == 0 ? null : edge.Retries)
                .AddUnlessDefault("circuitBreaker", edge.CircuitBreaker, false);
            var isShortForm = edge == new Dependency(edge.Target);
            ListItem(block, isShortForm ? YamlText.Block(edge.Target) : attributes.ToString());
        }
    }

    private static void WriteItems(YamlBlockWriter block, IReadOnlyList<RemediationItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        block.Key("remediationItems");
        var item = new YamlBlockWriter(block.Writer);
        foreach (var remediation in items)
        {
            item.StartListItem(block.Indent + "  ");
            item.Field("id", remediation.Id);
            item.Field("title", remediation.Title);
            item.Field("description", remediation.Description);
            item.Field("programme", remediation.Programme);
            item.Field("owner", remediation.Owner);
            item.Field("priority", KebabNames<Priority>.Of(remediation.Priority));
            item.Field("status", KebabNames<RemediationStatus>.Of(remediation.Status));
            item.Field("openedOn", remediation.OpenedOn);
            item.Field("targetQuarter", remediation.TargetQuarter?.ToString());
            item.Field("eta", remediation.Eta);
            item.Field("completedAt", remediation.CompletedAt is { } completed ? YamlText.Time(completed) : null);
            item.Field("customerFacing", remediation.CustomerFacing);
            item.Field("customerRestricted", remediation.CustomerRestricted ? true : null);
        }
    }

    private static void ListItem(YamlBlockWriter block, string yaml)
    {
        block.Writer.Write(block.Indent);
        block.Writer.Write("  - ");
        block.Writer.Write(yaml);
        block.Writer.Write('\n');
    }
}
