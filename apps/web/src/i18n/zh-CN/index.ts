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

const messages = {
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
};

export type Messages = typeof messages;
export default messages;
