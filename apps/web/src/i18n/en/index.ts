import type { Messages } from '../zh-CN';
import admin from './admin';
import auth from './auth';
import common from './common';
import consoleArea from './console';
import counter from './counter';
import credits from './credits';
import me from './me';
import requests from './requests';
import settings from './settings';
import volunteer from './volunteer';

export default {
  common,
  auth,
  settings,
  me,
  requests,
  volunteer,
  credits,
  console: consoleArea,
  counter,
  admin,
} satisfies Messages;
