// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import actions from "./actions.json";
import admin from "./admin.json";
import audit from "./audit.json";
import auth from "./auth.json";
import bulk from "./bulk.json";
import deletion from "./deletion.json";
import engine from "./engine.json";
import errors from "./errors.json";
import filters from "./filters.json";
import history from "./history.json";
import inline from "./inline.json";
import list from "./list.json";
import login from "./login.json";
import logout from "./logout.json";
import middleware from "./middleware.json";
import nav from "./nav.json";
import notices from "./notices.json";
import permissions from "./permissions.json";
import picker from "./picker.json";
import record from "./record.json";
import resources from "./resources.json";
import timeZone from "./timeZone.json";
import twoFactor from "./twoFactor.json";
import values from "./values.json";

const messages = { account, actions, admin, audit, auth, bulk, deletion, engine, errors, filters, history, inline, list, login, logout, middleware, nav, notices, permissions, picker, record, resources, timeZone, twoFactor, values };
export default messages;
