// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import deletion from "./deletion.json";
import errors from "./errors.json";
import history from "./history.json";
import login from "./login.json";
import logout from "./logout.json";
import picker from "./picker.json";
import record from "./record.json";

const messages = { account, deletion, errors, history, login, logout, picker, record };
export default messages;
