/**
 * Small pieces the HTTP channel adapters share: sending a request without throwing, reading {@code Retry-After},
 * form bodies, HMAC and URL checks.
 */
package dev.herald.delivery.http;
