// Points the preview's element at the API, room and host token given in the query string.
const query = new URLSearchParams(location.search);
const manager = document.querySelector('guest-access-manager');
const token = query.get('token');
manager.getToken = async () => token;
for (const name of ['lang', 'theme']) if (query.get(name)) manager.setAttribute(name, query.get(name));
if (query.get('theme') === 'dark' || query.get('dark')) document.body.classList.add('dark');
manager.setAttribute('api', query.get('api'));
manager.setAttribute('room', query.get('room'));
if (query.get('modal')) manager.show();
