-- Top customers
SELECT c.name, COUNT(*) AS orders
FROM customers AS c
JOIN orders o ON o.customer_id = c.id
WHERE c.created_at > '2024-01-01' AND o.total >= 10.5
/* grouped
   by name */
GROUP BY c.name
ORDER BY orders DESC;
