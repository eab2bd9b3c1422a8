/* Generated from schemas/bundle.v1.schema.json by `npm run gen` (ajv standalone); do not edit. */
// Self-contained: no import, no require; the typed entry is ./check-structure.ts.
// @ts-nocheck
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://crm-policy.dev/schemas/bundle.v1.schema.json","title":"PolicyBundle","type":"object","additionalProperties":false,"required":["format","compiler","digest","policies"],"properties":{"format":{"const":"crm-policy-bundle/v1"},"compiler":{"type":"string"},"digest":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"policies":{"type":"array","items":{"$ref":"#/$defs/CompiledPolicy"}},"signature":{"$ref":"#/$defs/Signature"}},"$defs":{"CompiledPolicy":{"title":"CompiledPolicy","type":"object","additionalProperties":false,"required":["name","revision","crm","records","title","tags","sessionTypes","overrides"],"properties":{"name":{"type":"string"},"revision":{"type":"string"},"crm":{"$ref":"#/$defs/Crm"},"records":{"$ref":"#/$defs/Settings"},"title":{"$ref":"#/$defs/Title"},"tags":{"$ref":"#/$defs/Tags"},"sessionTypes":{"type":"array","items":{"$ref":"#/$defs/SessionType"}},"overrides":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["when","condition","records","title","tags"],"properties":{"when":{"type":"string"},"condition":{"type":"object"},"records":{"$ref":"#/$defs/PartialSettings"},"title":{"$ref":"#/$defs/PartialTitle"},"tags":{"$ref":"#/$defs/PartialTags"}}}}}},"Crm":{"title":"Crm","type":"object","additionalProperties":false,"required":["system","newStatus","closedStatuses","reopenStatus","neverUpdated","subjectLimit","tagStyle","tagLimit"],"properties":{"system":{"type":"string","pattern":"^[a-z][a-z0-9-]{0,63}$"},"newStatus":{"type":"string"},"closedStatuses":{"type":"array","items":{"type":"string"}},"reopenStatus":{"type":"string"},"neverUpdated":{"type":"array","items":{"type":"string"}},"subjectLimit":{"type":"integer","minimum":1},"tagStyle":{"enum":["none","snake_case","parentheses_as_dash","verbatim"]},"tagLimit":{"type":"integer","minimum":0}}},"Settings":{"title":"Settings","type":"object","additionalProperties":false,"required":["appendToOpen","closedWithinDays","delayUntilConnected","createForAbandoned","minConsumerMessages","abandonedChats","abandonedMinMessages","shortAbandonSeconds"],"properties":{"appendToOpen":{"type":"boolean"},"closedWithinDays":{"type":["integer","null"],"minimum":1},"delayUntilConnected":{"type":"boolean"},"createForAbandoned":{"type":"boolean"},"minConsumerMessages":{"type":"integer","minimum":0},"abandonedChats":{"enum":["none","all","min"]},"abandonedMinMessages":{"type":"integer","minimum":0},"shortAbandonSeconds":{"type":["integer","null"],"minimum":1}}},"Title":{"title":"Title","type":"object","additionalProperties":false,"required":["segments","timeZone"],"properties":{"segments":{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"object","additionalProperties":false,"required":["var"],"properties":{"var":{"enum":["CALL_TYPE","CALL_ID","MENU_PATH","PHONE_NUMBER","LANGUAGE","TIMESTAMP"]}}}]}},"timeZone":{"type":["string","null"]}}},"Tags":{"title":"Tags","type":"object","additionalProperties":false,"required":["sessionType","platform"],"properties":{"sessionType":{"type":"boolean"},"platform":{"type":["string","null"]}}},"SessionType":{"title":"SessionType","type":"object","additionalProperties":false,"required":["name","channel","callType","tags"],"properties":{"name":{"type":"string"},"channel":{"enum":["voice","chat"]},"callType":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}}},"PartialSettings":{"title":"PartialSettings","type":"object","additionalProperties":false,"properties":{"appendToOpen":{"type":"boolean"},"closedWithinDays":{"type":["integer","null"],"minimum":1},"delayUntilConnected":{"type":"boolean"},"createForAbandoned":{"type":"boolean"},"minConsumerMessages":{"type":"integer","minimum":0},"abandonedChats":{"enum":["none","all","min"]},"abandonedMinMessages":{"type":"integer","minimum":0},"shortAbandonSeconds":{"type":["integer","null"],"minimum":1}}},"PartialTitle":{"title":"PartialTitle","type":"object","additionalProperties":false,"properties":{"segments":{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"object","additionalProperties":false,"required":["var"],"properties":{"var":{"enum":["CALL_TYPE","CALL_ID","MENU_PATH","PHONE_NUMBER","LANGUAGE","TIMESTAMP"]}}}]}},"timeZone":{"type":["string","null"]}}},"PartialTags":{"title":"PartialTags","type":"object","additionalProperties":false,"properties":{"sessionType":{"type":"boolean"},"platform":{"type":["string","null"]}}},"Signature":{"title":"Signature","type":"object","additionalProperties":false,"required":["keyId","digest","value"],"properties":{"keyId":{"type":"string","pattern":"^[0-9a-f]{16}$"},"digest":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"value":{"type":"string","pattern":"^[A-Za-z0-9+/]{86}==$"}}}}};
const schema41 = {"title":"Signature","type":"object","additionalProperties":false,"required":["keyId","digest","value"],"properties":{"keyId":{"type":"string","pattern":"^[0-9a-f]{16}$"},"digest":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"value":{"type":"string","pattern":"^[A-Za-z0-9+/]{86}==$"}}};
const pattern4 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
const pattern6 = new RegExp("^[0-9a-f]{16}$", "u");
const pattern8 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
const schema32 = {"title":"CompiledPolicy","type":"object","additionalProperties":false,"required":["name","revision","crm","records","title","tags","sessionTypes","overrides"],"properties":{"name":{"type":"string"},"revision":{"type":"string"},"crm":{"$ref":"#/$defs/Crm"},"records":{"$ref":"#/$defs/Settings"},"title":{"$ref":"#/$defs/Title"},"tags":{"$ref":"#/$defs/Tags"},"sessionTypes":{"type":"array","items":{"$ref":"#/$defs/SessionType"}},"overrides":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["when","condition","records","title","tags"],"properties":{"when":{"type":"string"},"condition":{"type":"object"},"records":{"$ref":"#/$defs/PartialSettings"},"title":{"$ref":"#/$defs/PartialTitle"},"tags":{"$ref":"#/$defs/PartialTags"}}}}}};
const schema33 = {"title":"Crm","type":"object","additionalProperties":false,"required":["system","newStatus","closedStatuses","reopenStatus","neverUpdated","subjectLimit","tagStyle","tagLimit"],"properties":{"system":{"type":"string","pattern":"^[a-z][a-z0-9-]{0,63}$"},"newStatus":{"type":"string"},"closedStatuses":{"type":"array","items":{"type":"string"}},"reopenStatus":{"type":"string"},"neverUpdated":{"type":"array","items":{"type":"string"}},"subjectLimit":{"type":"integer","minimum":1},"tagStyle":{"enum":["none","snake_case","parentheses_as_dash","verbatim"]},"tagLimit":{"type":"integer","minimum":0}}};
const schema34 = {"title":"Settings","type":"object","additionalProperties":false,"required":["appendToOpen","closedWithinDays","delayUntilConnected","createForAbandoned","minConsumerMessages","abandonedChats","abandonedMinMessages","shortAbandonSeconds"],"properties":{"appendToOpen":{"type":"boolean"},"closedWithinDays":{"type":["integer","null"],"minimum":1},"delayUntilConnected":{"type":"boolean"},"createForAbandoned":{"type":"boolean"},"minConsumerMessages":{"type":"integer","minimum":0},"abandonedChats":{"enum":["none","all","min"]},"abandonedMinMessages":{"type":"integer","minimum":0},"shortAbandonSeconds":{"type":["integer","null"],"minimum":1}}};
const schema35 = {"title":"Title","type":"object","additionalProperties":false,"required":["segments","timeZone"],"properties":{"segments":{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"object","additionalProperties":false,"required":["var"],"properties":{"var":{"enum":["CALL_TYPE","CALL_ID","MENU_PATH","PHONE_NUMBER","LANGUAGE","TIMESTAMP"]}}}]}},"timeZone":{"type":["string","null"]}}};
const schema36 = {"title":"Tags","type":"object","additionalProperties":false,"required":["sessionType","platform"],"properties":{"sessionType":{"type":"boolean"},"platform":{"type":["string","null"]}}};
const schema37 = {"title":"SessionType","type":"object","additionalProperties":false,"required":["name","channel","callType","tags"],"properties":{"name":{"type":"string"},"channel":{"enum":["voice","chat"]},"callType":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}}};
const schema38 = {"title":"PartialSettings","type":"object","additionalProperties":false,"properties":{"appendToOpen":{"type":"boolean"},"closedWithinDays":{"type":["integer","null"],"minimum":1},"delayUntilConnected":{"type":"boolean"},"createForAbandoned":{"type":"boolean"},"minConsumerMessages":{"type":"integer","minimum":0},"abandonedChats":{"enum":["none","all","min"]},"abandonedMinMessages":{"type":"integer","minimum":0},"shortAbandonSeconds":{"type":["integer","null"],"minimum":1}}};
const schema39 = {"title":"PartialTitle","type":"object","additionalProperties":false,"properties":{"segments":{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"object","additionalProperties":false,"required":["var"],"properties":{"var":{"enum":["CALL_TYPE","CALL_ID","MENU_PATH","PHONE_NUMBER","LANGUAGE","TIMESTAMP"]}}}]}},"timeZone":{"type":["string","null"]}}};
const schema40 = {"title":"PartialTags","type":"object","additionalProperties":false,"properties":{"sessionType":{"type":"boolean"},"platform":{"type":["string","null"]}}};
const pattern5 = new RegExp("^[a-z][a-z0-9-]{0,63}$", "u");

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
if(((((((((data.name === undefined) && (missing0 = "name")) || ((data.revision === undefined) && (missing0 = "revision"))) || ((data.crm === undefined) && (missing0 = "crm"))) || ((data.records === undefined) && (missing0 = "records"))) || ((data.title === undefined) && (missing0 = "title"))) || ((data.tags === undefined) && (missing0 = "tags"))) || ((data.sessionTypes === undefined) && (missing0 = "sessionTypes"))) || ((data.overrides === undefined) && (missing0 = "overrides"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "name") || (key0 === "revision")) || (key0 === "crm")) || (key0 === "records")) || (key0 === "title")) || (key0 === "tags")) || (key0 === "sessionTypes")) || (key0 === "overrides"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
const _errs2 = errors;
if(typeof data.name !== "string"){
validate21.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.revision !== undefined){
const _errs4 = errors;
if(typeof data.revision !== "string"){
validate21.errors = [{instancePath:instancePath+"/revision",schemaPath:"#/properties/revision/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.crm !== undefined){
let data2 = data.crm;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((((((data2.system === undefined) && (missing1 = "system")) || ((data2.newStatus === undefined) && (missing1 = "newStatus"))) || ((data2.closedStatuses === undefined) && (missing1 = "closedStatuses"))) || ((data2.reopenStatus === undefined) && (missing1 = "reopenStatus"))) || ((data2.neverUpdated === undefined) && (missing1 = "neverUpdated"))) || ((data2.subjectLimit === undefined) && (missing1 = "subjectLimit"))) || ((data2.tagStyle === undefined) && (missing1 = "tagStyle"))) || ((data2.tagLimit === undefined) && (missing1 = "tagLimit"))){
validate21.errors = [{instancePath:instancePath+"/crm",schemaPath:"#/$defs/Crm/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs9 = errors;
for(const key1 in data2){
if(!((((((((key1 === "system") || (key1 === "newStatus")) || (key1 === "closedStatuses")) || (key1 === "reopenStatus")) || (key1 === "neverUpdated")) || (key1 === "subjectLimit")) || (key1 === "tagStyle")) || (key1 === "tagLimit"))){
validate21.errors = [{instancePath:instancePath+"/crm",schemaPath:"#/$defs/Crm/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs9 === errors){
if(data2.system !== undefined){
let data3 = data2.system;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
validate21.errors = [{instancePath:instancePath+"/crm/system",schemaPath:"#/$defs/Crm/properties/system/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,63}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,63}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/crm/system",schemaPath:"#/$defs/Crm/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.newStatus !== undefined){
const _errs12 = errors;
if(typeof data2.newStatus !== "string"){
validate21.errors = [{instancePath:instancePath+"/crm/newStatus",schemaPath:"#/$defs/Crm/properties/newStatus/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.closedStatuses !== undefined){
let data5 = data2.closedStatuses;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data5)){
var valid3 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
const _errs16 = errors;
if(typeof data5[i0] !== "string"){
validate21.errors = [{instancePath:instancePath+"/crm/closedStatuses/" + i0,schemaPath:"#/$defs/Crm/properties/closedStatuses/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs16 === errors;
if(!valid3){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/crm/closedStatuses",schemaPath:"#/$defs/Crm/properties/closedStatuses/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.reopenStatus !== undefined){
const _errs18 = errors;
if(typeof data2.reopenStatus !== "string"){
validate21.errors = [{instancePath:instancePath+"/crm/reopenStatus",schemaPath:"#/$defs/Crm/properties/reopenStatus/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs18 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.neverUpdated !== undefined){
let data8 = data2.neverUpdated;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data8)){
var valid4 = true;
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
const _errs22 = errors;
if(typeof data8[i1] !== "string"){
validate21.errors = [{instancePath:instancePath+"/crm/neverUpdated/" + i1,schemaPath:"#/$defs/Crm/properties/neverUpdated/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs22 === errors;
if(!valid4){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/crm/neverUpdated",schemaPath:"#/$defs/Crm/properties/neverUpdated/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs20 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.subjectLimit !== undefined){
let data10 = data2.subjectLimit;
const _errs24 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate21.errors = [{instancePath:instancePath+"/crm/subjectLimit",schemaPath:"#/$defs/Crm/properties/subjectLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
validate21.errors = [{instancePath:instancePath+"/crm/subjectLimit",schemaPath:"#/$defs/Crm/properties/subjectLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid2 = _errs24 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.tagStyle !== undefined){
let data11 = data2.tagStyle;
const _errs26 = errors;
if(!((((data11 === "none") || (data11 === "snake_case")) || (data11 === "parentheses_as_dash")) || (data11 === "verbatim"))){
validate21.errors = [{instancePath:instancePath+"/crm/tagStyle",schemaPath:"#/$defs/Crm/properties/tagStyle/enum",keyword:"enum",params:{allowedValues: schema33.properties.tagStyle.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.tagLimit !== undefined){
let data12 = data2.tagLimit;
const _errs27 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate21.errors = [{instancePath:instancePath+"/crm/tagLimit",schemaPath:"#/$defs/Crm/properties/tagLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
validate21.errors = [{instancePath:instancePath+"/crm/tagLimit",schemaPath:"#/$defs/Crm/properties/tagLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs27 === errors;
}
else {
var valid2 = true;
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
validate21.errors = [{instancePath:instancePath+"/crm",schemaPath:"#/$defs/Crm/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.records !== undefined){
let data13 = data.records;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if(((((((((data13.appendToOpen === undefined) && (missing2 = "appendToOpen")) || ((data13.closedWithinDays === undefined) && (missing2 = "closedWithinDays"))) || ((data13.delayUntilConnected === undefined) && (missing2 = "delayUntilConnected"))) || ((data13.createForAbandoned === undefined) && (missing2 = "createForAbandoned"))) || ((data13.minConsumerMessages === undefined) && (missing2 = "minConsumerMessages"))) || ((data13.abandonedChats === undefined) && (missing2 = "abandonedChats"))) || ((data13.abandonedMinMessages === undefined) && (missing2 = "abandonedMinMessages"))) || ((data13.shortAbandonSeconds === undefined) && (missing2 = "shortAbandonSeconds"))){
validate21.errors = [{instancePath:instancePath+"/records",schemaPath:"#/$defs/Settings/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs32 = errors;
for(const key2 in data13){
if(!((((((((key2 === "appendToOpen") || (key2 === "closedWithinDays")) || (key2 === "delayUntilConnected")) || (key2 === "createForAbandoned")) || (key2 === "minConsumerMessages")) || (key2 === "abandonedChats")) || (key2 === "abandonedMinMessages")) || (key2 === "shortAbandonSeconds"))){
validate21.errors = [{instancePath:instancePath+"/records",schemaPath:"#/$defs/Settings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs32 === errors){
if(data13.appendToOpen !== undefined){
const _errs33 = errors;
if(typeof data13.appendToOpen !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/records/appendToOpen",schemaPath:"#/$defs/Settings/properties/appendToOpen/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs33 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.closedWithinDays !== undefined){
let data15 = data13.closedWithinDays;
const _errs35 = errors;
if((!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))) && (data15 !== null)){
validate21.errors = [{instancePath:instancePath+"/records/closedWithinDays",schemaPath:"#/$defs/Settings/properties/closedWithinDays/type",keyword:"type",params:{type: schema34.properties.closedWithinDays.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs35){
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 < 1 || isNaN(data15)){
validate21.errors = [{instancePath:instancePath+"/records/closedWithinDays",schemaPath:"#/$defs/Settings/properties/closedWithinDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.delayUntilConnected !== undefined){
const _errs37 = errors;
if(typeof data13.delayUntilConnected !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/records/delayUntilConnected",schemaPath:"#/$defs/Settings/properties/delayUntilConnected/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs37 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.createForAbandoned !== undefined){
const _errs39 = errors;
if(typeof data13.createForAbandoned !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/records/createForAbandoned",schemaPath:"#/$defs/Settings/properties/createForAbandoned/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs39 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.minConsumerMessages !== undefined){
let data18 = data13.minConsumerMessages;
const _errs41 = errors;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
validate21.errors = [{instancePath:instancePath+"/records/minConsumerMessages",schemaPath:"#/$defs/Settings/properties/minConsumerMessages/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs41){
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
validate21.errors = [{instancePath:instancePath+"/records/minConsumerMessages",schemaPath:"#/$defs/Settings/properties/minConsumerMessages/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs41 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.abandonedChats !== undefined){
let data19 = data13.abandonedChats;
const _errs43 = errors;
if(!(((data19 === "none") || (data19 === "all")) || (data19 === "min"))){
validate21.errors = [{instancePath:instancePath+"/records/abandonedChats",schemaPath:"#/$defs/Settings/properties/abandonedChats/enum",keyword:"enum",params:{allowedValues: schema34.properties.abandonedChats.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs43 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.abandonedMinMessages !== undefined){
let data20 = data13.abandonedMinMessages;
const _errs44 = errors;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
validate21.errors = [{instancePath:instancePath+"/records/abandonedMinMessages",schemaPath:"#/$defs/Settings/properties/abandonedMinMessages/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs44){
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
validate21.errors = [{instancePath:instancePath+"/records/abandonedMinMessages",schemaPath:"#/$defs/Settings/properties/abandonedMinMessages/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs44 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data13.shortAbandonSeconds !== undefined){
let data21 = data13.shortAbandonSeconds;
const _errs46 = errors;
if((!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))) && (data21 !== null)){
validate21.errors = [{instancePath:instancePath+"/records/shortAbandonSeconds",schemaPath:"#/$defs/Settings/properties/shortAbandonSeconds/type",keyword:"type",params:{type: schema34.properties.shortAbandonSeconds.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs46){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 1 || isNaN(data21)){
validate21.errors = [{instancePath:instancePath+"/records/shortAbandonSeconds",schemaPath:"#/$defs/Settings/properties/shortAbandonSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs46 === errors;
}
else {
var valid6 = true;
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
validate21.errors = [{instancePath:instancePath+"/records",schemaPath:"#/$defs/Settings/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.title !== undefined){
let data22 = data.title;
const _errs48 = errors;
const _errs49 = errors;
if(errors === _errs49){
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
let missing3;
if(((data22.segments === undefined) && (missing3 = "segments")) || ((data22.timeZone === undefined) && (missing3 = "timeZone"))){
validate21.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/Title/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs51 = errors;
for(const key3 in data22){
if(!((key3 === "segments") || (key3 === "timeZone"))){
validate21.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/Title/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs51 === errors){
if(data22.segments !== undefined){
let data23 = data22.segments;
const _errs52 = errors;
if(errors === _errs52){
if(Array.isArray(data23)){
var valid9 = true;
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
let data24 = data23[i2];
const _errs54 = errors;
const _errs55 = errors;
let valid10 = false;
const _errs56 = errors;
if(typeof data24 !== "string"){
const err0 = {instancePath:instancePath+"/title/segments/" + i2,schemaPath:"#/$defs/Title/properties/segments/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs56 === errors;
valid10 = valid10 || _valid0;
const _errs58 = errors;
if(errors === _errs58){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
let missing4;
if((data24.var === undefined) && (missing4 = "var")){
const err1 = {instancePath:instancePath+"/title/segments/" + i2,schemaPath:"#/$defs/Title/properties/segments/items/anyOf/1/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs60 = errors;
for(const key4 in data24){
if(!(key4 === "var")){
const err2 = {instancePath:instancePath+"/title/segments/" + i2,schemaPath:"#/$defs/Title/properties/segments/items/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs60 === errors){
if(data24.var !== undefined){
let data25 = data24.var;
if(!((((((data25 === "CALL_TYPE") || (data25 === "CALL_ID")) || (data25 === "MENU_PATH")) || (data25 === "PHONE_NUMBER")) || (data25 === "LANGUAGE")) || (data25 === "TIMESTAMP"))){
const err3 = {instancePath:instancePath+"/title/segments/" + i2+"/var",schemaPath:"#/$defs/Title/properties/segments/items/anyOf/1/properties/var/enum",keyword:"enum",params:{allowedValues: schema35.properties.segments.items.anyOf[1].properties.var.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
}
else {
const err4 = {instancePath:instancePath+"/title/segments/" + i2,schemaPath:"#/$defs/Title/properties/segments/items/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs58 === errors;
valid10 = valid10 || _valid0;
if(!valid10){
const err5 = {instancePath:instancePath+"/title/segments/" + i2,schemaPath:"#/$defs/Title/properties/segments/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs55;
if(vErrors !== null){
if(_errs55){
vErrors.length = _errs55;
}
else {
vErrors = null;
}
}
}
var valid9 = _errs54 === errors;
if(!valid9){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/title/segments",schemaPath:"#/$defs/Title/properties/segments/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid8 = _errs52 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data22.timeZone !== undefined){
let data26 = data22.timeZone;
const _errs62 = errors;
if((typeof data26 !== "string") && (data26 !== null)){
validate21.errors = [{instancePath:instancePath+"/title/timeZone",schemaPath:"#/$defs/Title/properties/timeZone/type",keyword:"type",params:{type: schema35.properties.timeZone.type},message:"must be string,null"}];
return false;
}
var valid8 = _errs62 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/Title/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs48 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tags !== undefined){
let data27 = data.tags;
const _errs64 = errors;
const _errs65 = errors;
if(errors === _errs65){
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
let missing5;
if(((data27.sessionType === undefined) && (missing5 = "sessionType")) || ((data27.platform === undefined) && (missing5 = "platform"))){
validate21.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/$defs/Tags/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs67 = errors;
for(const key5 in data27){
if(!((key5 === "sessionType") || (key5 === "platform"))){
validate21.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/$defs/Tags/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs67 === errors){
if(data27.sessionType !== undefined){
const _errs68 = errors;
if(typeof data27.sessionType !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/tags/sessionType",schemaPath:"#/$defs/Tags/properties/sessionType/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid13 = _errs68 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data27.platform !== undefined){
let data29 = data27.platform;
const _errs70 = errors;
if((typeof data29 !== "string") && (data29 !== null)){
validate21.errors = [{instancePath:instancePath+"/tags/platform",schemaPath:"#/$defs/Tags/properties/platform/type",keyword:"type",params:{type: schema36.properties.platform.type},message:"must be string,null"}];
return false;
}
var valid13 = _errs70 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/tags",schemaPath:"#/$defs/Tags/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs64 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessionTypes !== undefined){
let data30 = data.sessionTypes;
const _errs72 = errors;
if(errors === _errs72){
if(Array.isArray(data30)){
var valid14 = true;
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
let data31 = data30[i3];
const _errs74 = errors;
const _errs75 = errors;
if(errors === _errs75){
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
let missing6;
if(((((data31.name === undefined) && (missing6 = "name")) || ((data31.channel === undefined) && (missing6 = "channel"))) || ((data31.callType === undefined) && (missing6 = "callType"))) || ((data31.tags === undefined) && (missing6 = "tags"))){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3,schemaPath:"#/$defs/SessionType/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs77 = errors;
for(const key6 in data31){
if(!((((key6 === "name") || (key6 === "channel")) || (key6 === "callType")) || (key6 === "tags"))){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3,schemaPath:"#/$defs/SessionType/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs77 === errors){
if(data31.name !== undefined){
const _errs78 = errors;
if(typeof data31.name !== "string"){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3+"/name",schemaPath:"#/$defs/SessionType/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid16 = _errs78 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data31.channel !== undefined){
let data33 = data31.channel;
const _errs80 = errors;
if(!((data33 === "voice") || (data33 === "chat"))){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3+"/channel",schemaPath:"#/$defs/SessionType/properties/channel/enum",keyword:"enum",params:{allowedValues: schema37.properties.channel.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid16 = _errs80 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data31.callType !== undefined){
const _errs81 = errors;
if(typeof data31.callType !== "string"){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3+"/callType",schemaPath:"#/$defs/SessionType/properties/callType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid16 = _errs81 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data31.tags !== undefined){
let data35 = data31.tags;
const _errs83 = errors;
if(errors === _errs83){
if(Array.isArray(data35)){
var valid17 = true;
const len4 = data35.length;
for(let i4=0; i4<len4; i4++){
const _errs85 = errors;
if(typeof data35[i4] !== "string"){
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3+"/tags/" + i4,schemaPath:"#/$defs/SessionType/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid17 = _errs85 === errors;
if(!valid17){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3+"/tags",schemaPath:"#/$defs/SessionType/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid16 = _errs83 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/sessionTypes/" + i3,schemaPath:"#/$defs/SessionType/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid14 = _errs74 === errors;
if(!valid14){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/sessionTypes",schemaPath:"#/properties/sessionTypes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs72 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.overrides !== undefined){
let data37 = data.overrides;
const _errs87 = errors;
if(errors === _errs87){
if(Array.isArray(data37)){
var valid18 = true;
const len5 = data37.length;
for(let i5=0; i5<len5; i5++){
let data38 = data37[i5];
const _errs89 = errors;
if(errors === _errs89){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing7;
if((((((data38.when === undefined) && (missing7 = "when")) || ((data38.condition === undefined) && (missing7 = "condition"))) || ((data38.records === undefined) && (missing7 = "records"))) || ((data38.title === undefined) && (missing7 = "title"))) || ((data38.tags === undefined) && (missing7 = "tags"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"}];
return false;
}
else {
const _errs91 = errors;
for(const key7 in data38){
if(!(((((key7 === "when") || (key7 === "condition")) || (key7 === "records")) || (key7 === "title")) || (key7 === "tags"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs91 === errors){
if(data38.when !== undefined){
const _errs92 = errors;
if(typeof data38.when !== "string"){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/when",schemaPath:"#/properties/overrides/items/properties/when/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid19 = _errs92 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data38.condition !== undefined){
let data40 = data38.condition;
const _errs94 = errors;
if(!(data40 && typeof data40 == "object" && !Array.isArray(data40))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/condition",schemaPath:"#/properties/overrides/items/properties/condition/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid19 = _errs94 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data38.records !== undefined){
let data41 = data38.records;
const _errs96 = errors;
const _errs97 = errors;
if(errors === _errs97){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
const _errs99 = errors;
for(const key8 in data41){
if(!((((((((key8 === "appendToOpen") || (key8 === "closedWithinDays")) || (key8 === "delayUntilConnected")) || (key8 === "createForAbandoned")) || (key8 === "minConsumerMessages")) || (key8 === "abandonedChats")) || (key8 === "abandonedMinMessages")) || (key8 === "shortAbandonSeconds"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records",schemaPath:"#/$defs/PartialSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs99 === errors){
if(data41.appendToOpen !== undefined){
const _errs100 = errors;
if(typeof data41.appendToOpen !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/appendToOpen",schemaPath:"#/$defs/PartialSettings/properties/appendToOpen/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid21 = _errs100 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.closedWithinDays !== undefined){
let data43 = data41.closedWithinDays;
const _errs102 = errors;
if((!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))) && (data43 !== null)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/closedWithinDays",schemaPath:"#/$defs/PartialSettings/properties/closedWithinDays/type",keyword:"type",params:{type: schema38.properties.closedWithinDays.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs102){
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 < 1 || isNaN(data43)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/closedWithinDays",schemaPath:"#/$defs/PartialSettings/properties/closedWithinDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid21 = _errs102 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.delayUntilConnected !== undefined){
const _errs104 = errors;
if(typeof data41.delayUntilConnected !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/delayUntilConnected",schemaPath:"#/$defs/PartialSettings/properties/delayUntilConnected/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid21 = _errs104 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.createForAbandoned !== undefined){
const _errs106 = errors;
if(typeof data41.createForAbandoned !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/createForAbandoned",schemaPath:"#/$defs/PartialSettings/properties/createForAbandoned/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid21 = _errs106 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.minConsumerMessages !== undefined){
let data46 = data41.minConsumerMessages;
const _errs108 = errors;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/minConsumerMessages",schemaPath:"#/$defs/PartialSettings/properties/minConsumerMessages/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs108){
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 0 || isNaN(data46)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/minConsumerMessages",schemaPath:"#/$defs/PartialSettings/properties/minConsumerMessages/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid21 = _errs108 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.abandonedChats !== undefined){
let data47 = data41.abandonedChats;
const _errs110 = errors;
if(!(((data47 === "none") || (data47 === "all")) || (data47 === "min"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/abandonedChats",schemaPath:"#/$defs/PartialSettings/properties/abandonedChats/enum",keyword:"enum",params:{allowedValues: schema38.properties.abandonedChats.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid21 = _errs110 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.abandonedMinMessages !== undefined){
let data48 = data41.abandonedMinMessages;
const _errs111 = errors;
if(!(((typeof data48 == "number") && (!(data48 % 1) && !isNaN(data48))) && (isFinite(data48)))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/abandonedMinMessages",schemaPath:"#/$defs/PartialSettings/properties/abandonedMinMessages/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs111){
if((typeof data48 == "number") && (isFinite(data48))){
if(data48 < 0 || isNaN(data48)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/abandonedMinMessages",schemaPath:"#/$defs/PartialSettings/properties/abandonedMinMessages/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid21 = _errs111 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data41.shortAbandonSeconds !== undefined){
let data49 = data41.shortAbandonSeconds;
const _errs113 = errors;
if((!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))) && (data49 !== null)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/shortAbandonSeconds",schemaPath:"#/$defs/PartialSettings/properties/shortAbandonSeconds/type",keyword:"type",params:{type: schema38.properties.shortAbandonSeconds.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs113){
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 1 || isNaN(data49)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records/shortAbandonSeconds",schemaPath:"#/$defs/PartialSettings/properties/shortAbandonSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid21 = _errs113 === errors;
}
else {
var valid21 = true;
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
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/records",schemaPath:"#/$defs/PartialSettings/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid19 = _errs96 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data38.title !== undefined){
let data50 = data38.title;
const _errs115 = errors;
const _errs116 = errors;
if(errors === _errs116){
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
const _errs118 = errors;
for(const key9 in data50){
if(!((key9 === "segments") || (key9 === "timeZone"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/title",schemaPath:"#/$defs/PartialTitle/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs118 === errors){
if(data50.segments !== undefined){
let data51 = data50.segments;
const _errs119 = errors;
if(errors === _errs119){
if(Array.isArray(data51)){
var valid24 = true;
const len6 = data51.length;
for(let i6=0; i6<len6; i6++){
let data52 = data51[i6];
const _errs121 = errors;
const _errs122 = errors;
let valid25 = false;
const _errs123 = errors;
if(typeof data52 !== "string"){
const err6 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6,schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs123 === errors;
valid25 = valid25 || _valid1;
const _errs125 = errors;
if(errors === _errs125){
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
let missing8;
if((data52.var === undefined) && (missing8 = "var")){
const err7 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6,schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf/1/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
const _errs127 = errors;
for(const key10 in data52){
if(!(key10 === "var")){
const err8 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6,schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
break;
}
}
if(_errs127 === errors){
if(data52.var !== undefined){
let data53 = data52.var;
if(!((((((data53 === "CALL_TYPE") || (data53 === "CALL_ID")) || (data53 === "MENU_PATH")) || (data53 === "PHONE_NUMBER")) || (data53 === "LANGUAGE")) || (data53 === "TIMESTAMP"))){
const err9 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6+"/var",schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf/1/properties/var/enum",keyword:"enum",params:{allowedValues: schema39.properties.segments.items.anyOf[1].properties.var.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6,schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid1 = _errs125 === errors;
valid25 = valid25 || _valid1;
if(!valid25){
const err11 = {instancePath:instancePath+"/overrides/" + i5+"/title/segments/" + i6,schemaPath:"#/$defs/PartialTitle/properties/segments/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs122;
if(vErrors !== null){
if(_errs122){
vErrors.length = _errs122;
}
else {
vErrors = null;
}
}
}
var valid24 = _errs121 === errors;
if(!valid24){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/title/segments",schemaPath:"#/$defs/PartialTitle/properties/segments/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid23 = _errs119 === errors;
}
else {
var valid23 = true;
}
if(valid23){
if(data50.timeZone !== undefined){
let data54 = data50.timeZone;
const _errs129 = errors;
if((typeof data54 !== "string") && (data54 !== null)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/title/timeZone",schemaPath:"#/$defs/PartialTitle/properties/timeZone/type",keyword:"type",params:{type: schema39.properties.timeZone.type},message:"must be string,null"}];
return false;
}
var valid23 = _errs129 === errors;
}
else {
var valid23 = true;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/title",schemaPath:"#/$defs/PartialTitle/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid19 = _errs115 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data38.tags !== undefined){
let data55 = data38.tags;
const _errs131 = errors;
const _errs132 = errors;
if(errors === _errs132){
if(data55 && typeof data55 == "object" && !Array.isArray(data55)){
const _errs134 = errors;
for(const key11 in data55){
if(!((key11 === "sessionType") || (key11 === "platform"))){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/tags",schemaPath:"#/$defs/PartialTags/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs134 === errors){
if(data55.sessionType !== undefined){
const _errs135 = errors;
if(typeof data55.sessionType !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/tags/sessionType",schemaPath:"#/$defs/PartialTags/properties/sessionType/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid28 = _errs135 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data55.platform !== undefined){
let data57 = data55.platform;
const _errs137 = errors;
if((typeof data57 !== "string") && (data57 !== null)){
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/tags/platform",schemaPath:"#/$defs/PartialTags/properties/platform/type",keyword:"type",params:{type: schema40.properties.platform.type},message:"must be string,null"}];
return false;
}
var valid28 = _errs137 === errors;
}
else {
var valid28 = true;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5+"/tags",schemaPath:"#/$defs/PartialTags/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid19 = _errs131 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid18 = _errs89 === errors;
if(!valid18){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/overrides",schemaPath:"#/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs87 === errors;
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
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://crm-policy.dev/schemas/bundle.v1.schema.json" */;
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
if(((((data.format === undefined) && (missing0 = "format")) || ((data.compiler === undefined) && (missing0 = "compiler"))) || ((data.digest === undefined) && (missing0 = "digest"))) || ((data.policies === undefined) && (missing0 = "policies"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "format") || (key0 === "compiler")) || (key0 === "digest")) || (key0 === "policies")) || (key0 === "signature"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.format !== undefined){
const _errs2 = errors;
if("crm-policy-bundle/v1" !== data.format){
validate20.errors = [{instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "crm-policy-bundle/v1"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.compiler !== undefined){
const _errs3 = errors;
if(typeof data.compiler !== "string"){
validate20.errors = [{instancePath:instancePath+"/compiler",schemaPath:"#/properties/compiler/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.digest !== undefined){
let data2 = data.digest;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
validate20.errors = [{instancePath:instancePath+"/digest",schemaPath:"#/properties/digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/digest",schemaPath:"#/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.policies !== undefined){
let data3 = data.policies;
const _errs7 = errors;
if(errors === _errs7){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
const _errs9 = errors;
if(!(validate21(data3[i0], {instancePath:instancePath+"/policies/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var valid1 = _errs9 === errors;
if(!valid1){
break;
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signature !== undefined){
let data5 = data.signature;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if((((data5.keyId === undefined) && (missing1 = "keyId")) || ((data5.digest === undefined) && (missing1 = "digest"))) || ((data5.value === undefined) && (missing1 = "value"))){
validate20.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/$defs/Signature/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data5){
if(!(((key1 === "keyId") || (key1 === "digest")) || (key1 === "value"))){
validate20.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/$defs/Signature/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data5.keyId !== undefined){
let data6 = data5.keyId;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data6 === "string"){
if(!pattern6.test(data6)){
validate20.errors = [{instancePath:instancePath+"/signature/keyId",schemaPath:"#/$defs/Signature/properties/keyId/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{16}$"},message:"must match pattern \""+"^[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/signature/keyId",schemaPath:"#/$defs/Signature/properties/keyId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.digest !== undefined){
let data7 = data5.digest;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data7 === "string"){
if(!pattern4.test(data7)){
validate20.errors = [{instancePath:instancePath+"/signature/digest",schemaPath:"#/$defs/Signature/properties/digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/signature/digest",schemaPath:"#/$defs/Signature/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.value !== undefined){
let data8 = data5.value;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
validate20.errors = [{instancePath:instancePath+"/signature/value",schemaPath:"#/$defs/Signature/properties/value/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9+/]{86}==$"},message:"must match pattern \""+"^[A-Za-z0-9+/]{86}==$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/signature/value",schemaPath:"#/$defs/Signature/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/$defs/Signature/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs10 === errors;
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
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
