// Fetches a user.
import { api } from "./api.js";
export async function load(id = 0) {
  const url = `/users/${id}?v=${1 + 2}`;
  let re = /ab+c/gi;
  /* several
     lines */
  return await api.get(url, { retries: 3, verbose: true, label: 'it\'s' });
}
