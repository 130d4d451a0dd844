using DirectusSync.Cake.Settings;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Tests.Settings;

public sealed class DeletionConsentExtensionsTests
{
    [Fact]
    public void Should_consent_to_nothing_When_no_consent_is_set()
    {
        // When
        var push = new DirectusSyncPushSettings();
        var restore = new DirectusSyncRestoreSettings();

        // Then
        push.Consent.Should().Be(DeletionConsent.None);
        restore.Consent.Should().Be(DeletionConsent.None);
    }

    [Fact]
    public void Should_consent_to_each_kind_separately_When_items_or_schema_deletes_are_allowed()
    {
        // When
        var items = new DirectusSyncPushSettings().WithAllowDeletes();
        var schema = new DirectusSyncRestoreSettings().WithAllowSchemaDeletes();

        // Then
        items.Consent.Should().Be(new DeletionConsent { Items = true });
        schema.Consent.Should().Be(new DeletionConsent { Schema = true });
    }
}
