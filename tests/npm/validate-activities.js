// Validates activities the bot emitted with the Microsoft 365 Agents SDK's own schema (zod), an independent check
// of the hand-written Bot Framework serializer. Usage: node validate-activities.js <file.json>
// The file holds an array of activities (or {"activities":[...]}); prints one line per failure, exits 1 on any.
'use strict';
const fs = require('fs');
const { Activity } = require('@microsoft/agents-activity');

const parsed = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const activities = Array.isArray(parsed) ? parsed : parsed.activities;
let failures = 0;
activities.forEach((activity, index) => {
  try {
    Activity.fromJson(JSON.stringify(activity));
  } catch (error) {
    failures++;
    console.log(`activity ${index}: ${error.message.replace(/\s+/g, ' ')}`);
  }
});
console.log(`${activities.length} checked, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
