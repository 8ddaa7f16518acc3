// The outbox, usable by every module: enqueueEmail inside the caller's transaction; the server runs the worker.
export type { EmailMessage, MailSettingsDto, OutboxMessageDto } from './contract.ts';
export { cancelMessage, enqueueEmail, getOutboxMessage, listOutbox, retryMessage } from './outbox.ts';
export { loadSecretKey } from './secret-box.ts';
export { getMailSettings, saveMailSettings } from './settings.ts';
export { createMailWorker, type MailWorker } from './worker.ts';
