import type { Messages } from '../zh-CN';
import auth from './auth';
import common from './common';
import credits from './credits';
import me from './me';
import requests from './requests';
import settings from './settings';
import volunteer from './volunteer';

export default { common, auth, settings, me, requests, volunteer, credits } satisfies Messages;
