import type { Messages } from '../zh-CN';
import auth from './auth';
import common from './common';
import credits from './credits';
import me from './me';
import settings from './settings';
import volunteer from './volunteer';

export default { common, auth, settings, me, volunteer, credits } satisfies Messages;
