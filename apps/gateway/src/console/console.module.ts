import { Module, type DynamicModule } from '@nestjs/common';
import { CONSOLE_OPTIONS, ConsoleAssets, type ConsoleOptions } from './console-assets.loader';
import { ConsoleController } from './console.controller';

/** Serves the built web console at /console (docs/adr/0014-console.md). */
@Module({})
export class ConsoleModule {
  static forRoot(options: ConsoleOptions = {}): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [ConsoleController],
      providers: [{ provide: CONSOLE_OPTIONS, useValue: options }, ConsoleAssets],
    };
  }
}
