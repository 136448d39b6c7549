/**
 * SMS over Twilio's Programmable Messaging REST API: {@link dev.herald.delivery.sms.TwilioSmsDeliverer} sends,
 * {@link dev.herald.delivery.sms.TwilioWebhooks} checks and reads what Twilio posts back (status callbacks, replies
 * such as STOP).
 */
package dev.herald.delivery.sms;
