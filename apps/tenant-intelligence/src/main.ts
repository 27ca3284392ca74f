// Order matters (docs/adr/0005-observability.md): validate the environment, start telemetry,
// and only then load Nest, Fastify, pg and ioredis (startService imports them lazily), so
// that their instrumentations patch them. Nothing imported statically here loads any of them.
import { startService, startTelemetry } from '@parley/observability/startup';
import { loadAppConfig } from './config/env.schema';

const config = loadAppConfig();
const stopTelemetry = startTelemetry({ serviceName: config.service, otlpEndpoint: config.otel.endpoint, dbSpans: config.otel.dbSpans });

void startService({ config, stopTelemetry, module: async () => (await import('./app.module')).AppModule.forRoot(config) });
