/* Generated from schemas/decider-snapshot.v1.schema.json by `npm run gen` (ajv standalone); do not edit. */
// Self-contained: no import, no require; the typed entry is ./snapshot-check.ts.
// @ts-nocheck
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://crm-policy.dev/schemas/decider-snapshot.v1.schema.json","title":"DeciderSnapshot","type":"object","additionalProperties":false,"required":["format","bundleFormat","timing","now","started","policy","policies","sessions","ended","held"],"properties":{"format":{"const":"crm-policy-decider-snapshot/v1"},"bundleFormat":{"type":"string","maxLength":100},"timing":{"type":"object","additionalProperties":false,"required":["lateness","maxSessionAge","endedSessionMemory"],"properties":{"lateness":{"type":["integer","null"],"minimum":0},"maxSessionAge":{"type":["integer","null"],"minimum":0},"endedSessionMemory":{"type":["integer","null"],"minimum":0,"maximum":1048576}}},"now":{"type":["integer","null"]},"started":{"type":"integer","minimum":0},"policy":{"type":"integer","minimum":0},"policies":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/PolicyVersion"}},"sessions":{"type":"array","items":{"$ref":"#/$defs/SessionSnapshot"}},"ended":{"type":"array","items":{"$ref":"#/$defs/EndedSession"}},"held":{"type":"array","items":{"$ref":"#/$defs/HeldEvent"}},"only":{"type":"array","items":{"$ref":"#/$defs/SessionId"}}},"$defs":{"SessionId":{"type":"string","minLength":1,"maxLength":256},"Time":{"type":"string","pattern":"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$","maxLength":64},"PolicyVersion":{"title":"PolicyVersion","type":"object","additionalProperties":false,"required":["name","revision"],"properties":{"name":{"type":"string","maxLength":1000},"revision":{"type":"string","maxLength":1000}}},"SessionSnapshot":{"title":"SessionSnapshot","type":"object","additionalProperties":false,"required":["sessionId","order","policy","overrides","startedAt","channel","sessionType","queue","assigned","connected","decided","consumerMessages","lastAt"],"properties":{"sessionId":{"$ref":"#/$defs/SessionId"},"order":{"type":"integer","minimum":0},"policy":{"type":"integer","minimum":0},"overrides":{"type":"array","items":{"type":"integer","minimum":0}},"startedAt":{"$ref":"#/$defs/Time"},"channel":{"enum":["voice","chat"]},"sessionType":{"type":"string","minLength":1},"queue":{"type":"string","minLength":1},"endUser":{"type":"string"},"menuPath":{"type":"string"},"phoneNumber":{"type":"string"},"language":{"type":"string"},"assigned":{"type":"boolean"},"connected":{"type":"boolean"},"decided":{"type":"boolean"},"consumerMessages":{"type":"integer","minimum":0,"maximum":2147483647},"messageTimes":{"type":"array","items":{"type":"integer"}},"eventIds":{"type":"array","maxItems":256,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","maxLength":1000}}},"endedAt":{"$ref":"#/$defs/Time"},"lastAt":{"$ref":"#/$defs/Time"}}},"EndedSession":{"title":"EndedSession","type":"object","additionalProperties":false,"required":["sessionId","n","forgetMs"],"properties":{"sessionId":{"$ref":"#/$defs/SessionId"},"n":{"type":"integer","minimum":0},"forgetMs":{"type":["integer","null"]},"at":{"$ref":"#/$defs/Time"}}},"HeldEvent":{"title":"HeldEvent","type":"object","additionalProperties":false,"required":["order","event"],"properties":{"order":{"type":"integer","minimum":0},"event":{"type":"object"}}}}};
const schema32 = {"title":"PolicyVersion","type":"object","additionalProperties":false,"required":["name","revision"],"properties":{"name":{"type":"string","maxLength":1000},"revision":{"type":"string","maxLength":1000}}};
const schema41 = {"title":"HeldEvent","type":"object","additionalProperties":false,"required":["order","event"],"properties":{"order":{"type":"integer","minimum":0},"event":{"type":"object"}}};
const schema34 = {"type":"string","minLength":1,"maxLength":256};
const func1 = Object.prototype.hasOwnProperty;
const schema33 = {"title":"SessionSnapshot","type":"object","additionalProperties":false,"required":["sessionId","order","policy","overrides","startedAt","channel","sessionType","queue","assigned","connected","decided","consumerMessages","lastAt"],"properties":{"sessionId":{"$ref":"#/$defs/SessionId"},"order":{"type":"integer","minimum":0},"policy":{"type":"integer","minimum":0},"overrides":{"type":"array","items":{"type":"integer","minimum":0}},"startedAt":{"$ref":"#/$defs/Time"},"channel":{"enum":["voice","chat"]},"sessionType":{"type":"string","minLength":1},"queue":{"type":"string","minLength":1},"endUser":{"type":"string"},"menuPath":{"type":"string"},"phoneNumber":{"type":"string"},"language":{"type":"string"},"assigned":{"type":"boolean"},"connected":{"type":"boolean"},"decided":{"type":"boolean"},"consumerMessages":{"type":"integer","minimum":0,"maximum":2147483647},"messageTimes":{"type":"array","items":{"type":"integer"}},"eventIds":{"type":"array","maxItems":256,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","maxLength":1000}}},"endedAt":{"$ref":"#/$defs/Time"},"lastAt":{"$ref":"#/$defs/Time"}}};
const schema35 = {"type":"string","pattern":"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$","maxLength":64};
const pattern4 = new RegExp("^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((((data.sessionId === undefined) && (missing0 = "sessionId")) || ((data.order === undefined) && (missing0 = "order"))) || ((data.policy === undefined) && (missing0 = "policy"))) || ((data.overrides === undefined) && (missing0 = "overrides"))) || ((data.startedAt === undefined) && (missing0 = "startedAt"))) || ((data.channel === undefined) && (missing0 = "channel"))) || ((data.sessionType === undefined) && (missing0 = "sessionType"))) || ((data.queue === undefined) && (missing0 = "queue"))) || ((data.assigned === undefined) && (missing0 = "assigned"))) || ((data.connected === undefined) && (missing0 = "connected"))) || ((data.decided === undefined) && (missing0 = "decided"))) || ((data.consumerMessages === undefined) && (missing0 = "consumerMessages"))) || ((data.lastAt === undefined) && (missing0 = "lastAt"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema33.properties, key0))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sessionId !== undefined){
let data0 = data.sessionId;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(data0.length > 256){
validate21.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(data0.length < 1){
validate21.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.order !== undefined){
let data1 = data.order;
const _errs5 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate21.errors = [{instancePath:instancePath+"/order",schemaPath:"#/properties/order/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate21.errors = [{instancePath:instancePath+"/order",schemaPath:"#/properties/order/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.policy !== undefined){
let data2 = data.policy;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate21.errors = [{instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate21.errors = [{instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.overrides !== undefined){
let data3 = data.overrides;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data3)){
var valid2 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i0,schemaPath:"#/properties/overrides/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs11){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i0,schemaPath:"#/properties/overrides/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs11 === errors;
if(!valid2){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides",schemaPath:"#/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.startedAt !== undefined){
let data5 = data.startedAt;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(data5.length > 64){
validate21.errors = [{instancePath:instancePath+"/startedAt",schemaPath:"#/$defs/Time/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(!pattern4.test(data5)){
validate21.errors = [{instancePath:instancePath+"/startedAt",schemaPath:"#/$defs/Time/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"},message:"must match pattern \""+"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"+"\""}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/startedAt",schemaPath:"#/$defs/Time/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.channel !== undefined){
let data6 = data.channel;
const _errs16 = errors;
if(!((data6 === "voice") || (data6 === "chat"))){
validate21.errors = [{instancePath:instancePath+"/channel",schemaPath:"#/properties/channel/enum",keyword:"enum",params:{allowedValues: schema33.properties.channel.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessionType !== undefined){
let data7 = data.sessionType;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data7 === "string"){
if(data7.length < 1){
validate21.errors = [{instancePath:instancePath+"/sessionType",schemaPath:"#/properties/sessionType/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/sessionType",schemaPath:"#/properties/sessionType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queue !== undefined){
let data8 = data.queue;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data8 === "string"){
if(data8.length < 1){
validate21.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/properties/queue/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/properties/queue/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.endUser !== undefined){
const _errs21 = errors;
if(typeof data.endUser !== "string"){
validate21.errors = [{instancePath:instancePath+"/endUser",schemaPath:"#/properties/endUser/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.menuPath !== undefined){
const _errs23 = errors;
if(typeof data.menuPath !== "string"){
validate21.errors = [{instancePath:instancePath+"/menuPath",schemaPath:"#/properties/menuPath/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.phoneNumber !== undefined){
const _errs25 = errors;
if(typeof data.phoneNumber !== "string"){
validate21.errors = [{instancePath:instancePath+"/phoneNumber",schemaPath:"#/properties/phoneNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.language !== undefined){
const _errs27 = errors;
if(typeof data.language !== "string"){
validate21.errors = [{instancePath:instancePath+"/language",schemaPath:"#/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.assigned !== undefined){
const _errs29 = errors;
if(typeof data.assigned !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/assigned",schemaPath:"#/properties/assigned/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connected !== undefined){
const _errs31 = errors;
if(typeof data.connected !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/connected",schemaPath:"#/properties/connected/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.decided !== undefined){
const _errs33 = errors;
if(typeof data.decided !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/decided",schemaPath:"#/properties/decided/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.consumerMessages !== undefined){
let data16 = data.consumerMessages;
const _errs35 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate21.errors = [{instancePath:instancePath+"/consumerMessages",schemaPath:"#/properties/consumerMessages/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 > 2147483647 || isNaN(data16)){
validate21.errors = [{instancePath:instancePath+"/consumerMessages",schemaPath:"#/properties/consumerMessages/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data16 < 0 || isNaN(data16)){
validate21.errors = [{instancePath:instancePath+"/consumerMessages",schemaPath:"#/properties/consumerMessages/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.messageTimes !== undefined){
let data17 = data.messageTimes;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data17)){
var valid4 = true;
const len1 = data17.length;
for(let i1=0; i1<len1; i1++){
let data18 = data17[i1];
const _errs39 = errors;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
validate21.errors = [{instancePath:instancePath+"/messageTimes/" + i1,schemaPath:"#/properties/messageTimes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs39 === errors;
if(!valid4){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/messageTimes",schemaPath:"#/properties/messageTimes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs37 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.eventIds !== undefined){
let data19 = data.eventIds;
const _errs41 = errors;
if(errors === _errs41){
if(Array.isArray(data19)){
if(data19.length > 256){
validate21.errors = [{instancePath:instancePath+"/eventIds",schemaPath:"#/properties/eventIds/maxItems",keyword:"maxItems",params:{limit: 256},message:"must NOT have more than 256 items"}];
return false;
}
else {
var valid5 = true;
const len2 = data19.length;
for(let i2=0; i2<len2; i2++){
let data20 = data19[i2];
const _errs43 = errors;
if(errors === _errs43){
if(Array.isArray(data20)){
if(data20.length > 2){
validate21.errors = [{instancePath:instancePath+"/eventIds/" + i2,schemaPath:"#/properties/eventIds/items/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"}];
return false;
}
else {
if(data20.length < 2){
validate21.errors = [{instancePath:instancePath+"/eventIds/" + i2,schemaPath:"#/properties/eventIds/items/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"}];
return false;
}
else {
var valid6 = true;
const len3 = data20.length;
for(let i3=0; i3<len3; i3++){
let data21 = data20[i3];
const _errs45 = errors;
if(errors === _errs45){
if(typeof data21 === "string"){
if(data21.length > 1000){
validate21.errors = [{instancePath:instancePath+"/eventIds/" + i2+"/" + i3,schemaPath:"#/properties/eventIds/items/items/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/eventIds/" + i2+"/" + i3,schemaPath:"#/properties/eventIds/items/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs45 === errors;
if(!valid6){
break;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/eventIds/" + i2,schemaPath:"#/properties/eventIds/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid5 = _errs43 === errors;
if(!valid5){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/eventIds",schemaPath:"#/properties/eventIds/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs41 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.endedAt !== undefined){
let data22 = data.endedAt;
const _errs47 = errors;
const _errs48 = errors;
if(errors === _errs48){
if(typeof data22 === "string"){
if(data22.length > 64){
validate21.errors = [{instancePath:instancePath+"/endedAt",schemaPath:"#/$defs/Time/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(!pattern4.test(data22)){
validate21.errors = [{instancePath:instancePath+"/endedAt",schemaPath:"#/$defs/Time/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"},message:"must match pattern \""+"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"+"\""}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/endedAt",schemaPath:"#/$defs/Time/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs47 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lastAt !== undefined){
let data23 = data.lastAt;
const _errs50 = errors;
const _errs51 = errors;
if(errors === _errs51){
if(typeof data23 === "string"){
if(data23.length > 64){
validate21.errors = [{instancePath:instancePath+"/lastAt",schemaPath:"#/$defs/Time/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(!pattern4.test(data23)){
validate21.errors = [{instancePath:instancePath+"/lastAt",schemaPath:"#/$defs/Time/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"},message:"must match pattern \""+"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"+"\""}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/lastAt",schemaPath:"#/$defs/Time/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema38 = {"title":"EndedSession","type":"object","additionalProperties":false,"required":["sessionId","n","forgetMs"],"properties":{"sessionId":{"$ref":"#/$defs/SessionId"},"n":{"type":"integer","minimum":0},"forgetMs":{"type":["integer","null"]},"at":{"$ref":"#/$defs/Time"}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.sessionId === undefined) && (missing0 = "sessionId")) || ((data.n === undefined) && (missing0 = "n"))) || ((data.forgetMs === undefined) && (missing0 = "forgetMs"))){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "sessionId") || (key0 === "n")) || (key0 === "forgetMs")) || (key0 === "at"))){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sessionId !== undefined){
let data0 = data.sessionId;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(data0.length > 256){
validate23.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(data0.length < 1){
validate23.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/sessionId",schemaPath:"#/$defs/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.n !== undefined){
let data1 = data.n;
const _errs5 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate23.errors = [{instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate23.errors = [{instancePath:instancePath+"/n",schemaPath:"#/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forgetMs !== undefined){
let data2 = data.forgetMs;
const _errs7 = errors;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)){
validate23.errors = [{instancePath:instancePath+"/forgetMs",schemaPath:"#/properties/forgetMs/type",keyword:"type",params:{type: schema38.properties.forgetMs.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.at !== undefined){
let data3 = data.at;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(data3.length > 64){
validate23.errors = [{instancePath:instancePath+"/at",schemaPath:"#/$defs/Time/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
else {
if(!pattern4.test(data3)){
validate23.errors = [{instancePath:instancePath+"/at",schemaPath:"#/$defs/Time/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"},message:"must match pattern \""+"^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([Zz]|[+-]\\d\\d:\\d\\d)$"+"\""}];
return false;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/at",schemaPath:"#/$defs/Time/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://crm-policy.dev/schemas/decider-snapshot.v1.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.format === undefined) && (missing0 = "format")) || ((data.bundleFormat === undefined) && (missing0 = "bundleFormat"))) || ((data.timing === undefined) && (missing0 = "timing"))) || ((data.now === undefined) && (missing0 = "now"))) || ((data.started === undefined) && (missing0 = "started"))) || ((data.policy === undefined) && (missing0 = "policy"))) || ((data.policies === undefined) && (missing0 = "policies"))) || ((data.sessions === undefined) && (missing0 = "sessions"))) || ((data.ended === undefined) && (missing0 = "ended"))) || ((data.held === undefined) && (missing0 = "held"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.format !== undefined){
const _errs2 = errors;
if("crm-policy-decider-snapshot/v1" !== data.format){
validate20.errors = [{instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "crm-policy-decider-snapshot/v1"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bundleFormat !== undefined){
let data1 = data.bundleFormat;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(data1.length > 100){
validate20.errors = [{instancePath:instancePath+"/bundleFormat",schemaPath:"#/properties/bundleFormat/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/bundleFormat",schemaPath:"#/properties/bundleFormat/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timing !== undefined){
let data2 = data.timing;
const _errs5 = errors;
if(errors === _errs5){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((((data2.lateness === undefined) && (missing1 = "lateness")) || ((data2.maxSessionAge === undefined) && (missing1 = "maxSessionAge"))) || ((data2.endedSessionMemory === undefined) && (missing1 = "endedSessionMemory"))){
validate20.errors = [{instancePath:instancePath+"/timing",schemaPath:"#/properties/timing/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs7 = errors;
for(const key1 in data2){
if(!(((key1 === "lateness") || (key1 === "maxSessionAge")) || (key1 === "endedSessionMemory"))){
validate20.errors = [{instancePath:instancePath+"/timing",schemaPath:"#/properties/timing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs7 === errors){
if(data2.lateness !== undefined){
let data3 = data2.lateness;
const _errs8 = errors;
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (data3 !== null)){
validate20.errors = [{instancePath:instancePath+"/timing/lateness",schemaPath:"#/properties/timing/properties/lateness/type",keyword:"type",params:{type: schema31.properties.timing.properties.lateness.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs8){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate20.errors = [{instancePath:instancePath+"/timing/lateness",schemaPath:"#/properties/timing/properties/lateness/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid1 = _errs8 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.maxSessionAge !== undefined){
let data4 = data2.maxSessionAge;
const _errs10 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate20.errors = [{instancePath:instancePath+"/timing/maxSessionAge",schemaPath:"#/properties/timing/properties/maxSessionAge/type",keyword:"type",params:{type: schema31.properties.timing.properties.maxSessionAge.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs10){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate20.errors = [{instancePath:instancePath+"/timing/maxSessionAge",schemaPath:"#/properties/timing/properties/maxSessionAge/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid1 = _errs10 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.endedSessionMemory !== undefined){
let data5 = data2.endedSessionMemory;
const _errs12 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
validate20.errors = [{instancePath:instancePath+"/timing/endedSessionMemory",schemaPath:"#/properties/timing/properties/endedSessionMemory/type",keyword:"type",params:{type: schema31.properties.timing.properties.endedSessionMemory.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs12){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1048576 || isNaN(data5)){
validate20.errors = [{instancePath:instancePath+"/timing/endedSessionMemory",schemaPath:"#/properties/timing/properties/endedSessionMemory/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1048576},message:"must be <= 1048576"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate20.errors = [{instancePath:instancePath+"/timing/endedSessionMemory",schemaPath:"#/properties/timing/properties/endedSessionMemory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid1 = _errs12 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/timing",schemaPath:"#/properties/timing/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.now !== undefined){
let data6 = data.now;
const _errs14 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate20.errors = [{instancePath:instancePath+"/now",schemaPath:"#/properties/now/type",keyword:"type",params:{type: schema31.properties.now.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.started !== undefined){
let data7 = data.started;
const _errs16 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate20.errors = [{instancePath:instancePath+"/started",schemaPath:"#/properties/started/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate20.errors = [{instancePath:instancePath+"/started",schemaPath:"#/properties/started/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.policy !== undefined){
let data8 = data.policy;
const _errs18 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate20.errors = [{instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
validate20.errors = [{instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.policies !== undefined){
let data9 = data.policies;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data9)){
if(data9.length < 1){
validate20.errors = [{instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
const _errs22 = errors;
const _errs23 = errors;
if(errors === _errs23){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if(((data10.name === undefined) && (missing2 = "name")) || ((data10.revision === undefined) && (missing2 = "revision"))){
validate20.errors = [{instancePath:instancePath+"/policies/" + i0,schemaPath:"#/$defs/PolicyVersion/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs25 = errors;
for(const key2 in data10){
if(!((key2 === "name") || (key2 === "revision"))){
validate20.errors = [{instancePath:instancePath+"/policies/" + i0,schemaPath:"#/$defs/PolicyVersion/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs25 === errors){
if(data10.name !== undefined){
let data11 = data10.name;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data11 === "string"){
if(data11.length > 1000){
validate20.errors = [{instancePath:instancePath+"/policies/" + i0+"/name",schemaPath:"#/$defs/PolicyVersion/properties/name/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/policies/" + i0+"/name",schemaPath:"#/$defs/PolicyVersion/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.revision !== undefined){
let data12 = data10.revision;
const _errs28 = errors;
if(errors === _errs28){
if(typeof data12 === "string"){
if(data12.length > 1000){
validate20.errors = [{instancePath:instancePath+"/policies/" + i0+"/revision",schemaPath:"#/$defs/PolicyVersion/properties/revision/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/policies/" + i0+"/revision",schemaPath:"#/$defs/PolicyVersion/properties/revision/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/policies/" + i0,schemaPath:"#/$defs/PolicyVersion/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs22 === errors;
if(!valid2){
break;
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data13 = data.sessions;
const _errs30 = errors;
if(errors === _errs30){
if(Array.isArray(data13)){
var valid5 = true;
const len1 = data13.length;
for(let i1=0; i1<len1; i1++){
const _errs32 = errors;
if(!(validate21(data13[i1], {instancePath:instancePath+"/sessions/" + i1,parentData:data13,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var valid5 = _errs32 === errors;
if(!valid5){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ended !== undefined){
let data15 = data.ended;
const _errs33 = errors;
if(errors === _errs33){
if(Array.isArray(data15)){
var valid6 = true;
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
const _errs35 = errors;
if(!(validate23(data15[i2], {instancePath:instancePath+"/ended/" + i2,parentData:data15,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
var valid6 = _errs35 === errors;
if(!valid6){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/ended",schemaPath:"#/properties/ended/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.held !== undefined){
let data17 = data.held;
const _errs36 = errors;
if(errors === _errs36){
if(Array.isArray(data17)){
var valid7 = true;
const len3 = data17.length;
for(let i3=0; i3<len3; i3++){
let data18 = data17[i3];
const _errs38 = errors;
const _errs39 = errors;
if(errors === _errs39){
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
let missing3;
if(((data18.order === undefined) && (missing3 = "order")) || ((data18.event === undefined) && (missing3 = "event"))){
validate20.errors = [{instancePath:instancePath+"/held/" + i3,schemaPath:"#/$defs/HeldEvent/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs41 = errors;
for(const key3 in data18){
if(!((key3 === "order") || (key3 === "event"))){
validate20.errors = [{instancePath:instancePath+"/held/" + i3,schemaPath:"#/$defs/HeldEvent/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs41 === errors){
if(data18.order !== undefined){
let data19 = data18.order;
const _errs42 = errors;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
validate20.errors = [{instancePath:instancePath+"/held/" + i3+"/order",schemaPath:"#/$defs/HeldEvent/properties/order/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs42){
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 0 || isNaN(data19)){
validate20.errors = [{instancePath:instancePath+"/held/" + i3+"/order",schemaPath:"#/$defs/HeldEvent/properties/order/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid9 = _errs42 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data18.event !== undefined){
let data20 = data18.event;
const _errs44 = errors;
if(!(data20 && typeof data20 == "object" && !Array.isArray(data20))){
validate20.errors = [{instancePath:instancePath+"/held/" + i3+"/event",schemaPath:"#/$defs/HeldEvent/properties/event/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid9 = _errs44 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/held/" + i3,schemaPath:"#/$defs/HeldEvent/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid7 = _errs38 === errors;
if(!valid7){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/held",schemaPath:"#/properties/held/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs36 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.only !== undefined){
let data21 = data.only;
const _errs46 = errors;
if(errors === _errs46){
if(Array.isArray(data21)){
var valid10 = true;
const len4 = data21.length;
for(let i4=0; i4<len4; i4++){
let data22 = data21[i4];
const _errs48 = errors;
const _errs49 = errors;
if(errors === _errs49){
if(typeof data22 === "string"){
if(data22.length > 256){
validate20.errors = [{instancePath:instancePath+"/only/" + i4,schemaPath:"#/$defs/SessionId/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(data22.length < 1){
validate20.errors = [{instancePath:instancePath+"/only/" + i4,schemaPath:"#/$defs/SessionId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/only/" + i4,schemaPath:"#/$defs/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid10 = _errs48 === errors;
if(!valid10){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/only",schemaPath:"#/properties/only/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs46 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
