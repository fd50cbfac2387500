import auth from './auth';
import common from './common';
import credits from './credits';
import me from './me';
import requests from './requests';
import settings from './settings';
import volunteer from './volunteer';

const messages = { common, auth, settings, me, requests, volunteer, credits };

export type Messages = typeof messages;
export default messages;
