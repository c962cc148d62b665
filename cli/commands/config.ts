// `pacebar config`: the settings as `key = value` (core/store/settingsText.ts), read from the file
// alone, and changed through the settings store's own check. No keychain, no network.
import { settingLines, settingTextOf, settingValueText } from '../../core/store/settingsText';
import type { ConfigAction } from '../configArgs';
import type { Context } from '../context';
import { EXIT } from '../exitCodes';

export async function runConfig(ctx: Context, action: ConfigAction): Promise<number> {
  switch (action.verb) {
    case 'list':
      ctx.io.out(settingLines((await ctx.engine({ readOnly: true })).settings.get()).join('\n'));
      return EXIT.ok;
    case 'get':
      ctx.io.out(settingValueText((await ctx.engine({ readOnly: true })).settings.get(), settingTextOf(action.key)));
      return EXIT.ok;
    case 'set': {
      // The value was decoded and checked when the arguments were read: only a valid change opens the file.
      const settings = (await ctx.engine()).settings.update(action.patch);
      const entry = settingTextOf(action.key);
      ctx.io.out(`${entry.key} = ${settingValueText(settings, entry)}`);
      return EXIT.ok;
    }
  }
}
