// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import actions from "./actions.json";
import engine from "./engine.json";
import errors from "./errors.json";
import login from "./login.json";
import logout from "./logout.json";
import notices from "./notices.json";
import permissions from "./permissions.json";
import resources from "./resources.json";

const messages = { account, actions, engine, errors, login, logout, notices, permissions, resources };
export default messages;
