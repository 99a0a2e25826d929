// A Node.js client of sigil.v1.Sigil (@grpc/grpc-js, @grpc/proto-loader), for the interoperability test.
// Usage: node verify-client.js PROTO_FILE ADDRESS TOKEN < request.json
// request.json: {"rules": "...", "items": [{"scheme": "ED25519", "publicKey": hex, "message": hex, "signature": hex}]}
// Prints one JSON line: the VerifyResponse (results as lowercase words), or {"error": {"code": n, "details": s}}.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoFile, address, token] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoFile, {longs: String, enums: String, defaults: true, oneofs: true});
const sigil = grpc.loadPackageDefinition(definition).sigil.v1;
const client = new sigil.Sigil(address, grpc.credentials.createInsecure());

let input = '';
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const items = request.items.map(i => {
    const item = {scheme: i.scheme, publicKey: Buffer.from(i.publicKey, 'hex'), signature: Buffer.from(i.signature, 'hex')};
    if (i.message !== undefined) item.message = Buffer.from(i.message, 'hex');
    if (i.digest !== undefined) item.digest = Buffer.from(i.digest, 'hex');
    if (i.signatureFormat !== undefined) item.signatureFormat = i.signatureFormat;
    return item;
  });
  const metadata = new grpc.Metadata();
  if (token) metadata.add('authorization', 'Bearer ' + token);
  client.verify({rules: request.rules || '', items}, metadata, {deadline: Date.now() + 120000}, (err, response) => {
    if (err) {
      console.log(JSON.stringify({error: {code: err.code, details: err.details}}));
    } else {
      console.log(JSON.stringify({
        rules: response.rules,
        results: response.results.map(r => r.toLowerCase()),
        problems: response.problems.map(p => ({index: p.index, code: p.code, message: p.message})),
        backends: Object.fromEntries(Object.entries(response.backends).map(([k, v]) => [k, Number(v)])),
      }));
    }
    client.close();
  });
});
