-- Counts words
local function count(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end
--[[ long
comment ]]
print(count("a b c"), [[long string]], 0x1F)
