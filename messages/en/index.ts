// One file per namespace; the namespace is the file's name. Add a namespace here and in every other locale's index.
import account from "./account.json";
import bulk from "./bulk.json";
import errors from "./errors.json";
import filters from "./filters.json";
import inline from "./inline.json";
import list from "./list.json";
import login from "./login.json";
import logout from "./logout.json";
import values from "./values.json";

const messages = { account, bulk, errors, filters, inline, list, login, logout, values };
export default messages;
