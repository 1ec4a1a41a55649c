// autocannon `setupRequest` (a file path, as its worker threads require): each request goes to a random one
// of `choices` under `pathPrefix`, so concurrent connections do not walk the same ids in step.
module.exports = (req) => ({
  ...req,
  path: req.pathPrefix + req.choices[Math.floor(Math.random() * req.choices.length)],
});
