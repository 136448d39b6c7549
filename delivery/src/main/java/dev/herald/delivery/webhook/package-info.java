/**
 * Signed webhooks: each message is posted as JSON to a configured URL, signed the way Stripe signs its events (see
 * {@link dev.herald.delivery.webhook.WebhookSignature}).
 */
package dev.herald.delivery.webhook;
