/**
 * Push notifications over Firebase Cloud Messaging's HTTP v1 API, authenticated with a Google service account
 * (a signed JWT exchanged for an OAuth 2 access token).
 */
package dev.herald.delivery.push;
